"""`{% status_badge status %}`: the status of portfolio work as a coloured, labelled badge."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString

from ..models import ProductStatus, WorkStatus

register = template.Library()

_COLOURS = {
    WorkStatus.NOT_STARTED: "secondary",
    WorkStatus.DRAFT: "info",
    WorkStatus.SUBMITTED: "warning",
    WorkStatus.REVISE: "danger",
    WorkStatus.APPROVED: "success",
}


@register.simple_tag
def status_badge(status: str | None) -> SafeString:
    status = status or WorkStatus.NOT_STARTED
    return format_html(
        '<span class="badge text-bg-{}">{}</span>',
        _COLOURS.get(status, "secondary"),
        WorkStatus(status).label,
    )


_PRODUCT_COLOURS = {
    ProductStatus.NOT_STARTED: "secondary",
    ProductStatus.EXEMPT: "dark",
    ProductStatus.SUBMITTED: "warning",
    ProductStatus.RETURNED: "danger",
    ProductStatus.PHASE_1: "info",
    ProductStatus.PHASE_2: "primary",
    ProductStatus.DELIVERED: "primary",
    ProductStatus.COMPLETED: "success",
}


@register.simple_tag
def product_badge(status: str | None) -> SafeString:
    """The status of a professional product as a coloured, labelled badge."""
    status = status or ProductStatus.NOT_STARTED
    return format_html(
        '<span class="badge text-bg-{} text-wrap">{}</span>',
        _PRODUCT_COLOURS.get(status, "secondary"),
        ProductStatus(status).label,
    )
