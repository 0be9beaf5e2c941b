"""The mails of the professional product, each to the person who expects it. Rendered in the
recipient's language and sent after the transaction commits (`lio_portal.mail`)."""

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from django.conf import settings
from django.urls import reverse

from internships.models import Person
from lio_portal import mail

from ..models import (
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
    ProfessionalProduct,
)

_muted: ContextVar[bool] = ContextVar("product_mails_muted", default=False)


@contextmanager
def mails_muted() -> Iterator[None]:
    """No product mails inside this block: the demo data goes through the services but must
    not mail the demo's people."""
    token = _muted.set(True)
    try:
        yield
    finally:
        _muted.reset(token)


def _send(*, template: str, recipient: Person, context: Mapping[str, Any]) -> None:
    if not _muted.get():
        mail.mail_send(template=template, recipient=recipient, context=context)


def _own_url() -> str:
    return settings.SITE_URL + reverse("portfolio:product-mine")


def _detail_url(product: ProfessionalProduct) -> str:
    return settings.SITE_URL + reverse("portfolio:product-detail", args=[product.student_id])


def notify_start_returned(*, product: ProfessionalProduct, coordinator: Person) -> None:
    _send(
        template="portfolio/email/product_start_returned",
        recipient=product.student.person,
        context={"product": product, "by": coordinator, "url": _own_url()},
    )


def notify_start_approved(*, product: ProfessionalProduct) -> None:
    """The student hears who supervises them; the graduation supervisor hears of the student."""
    _send(
        template="portfolio/email/product_start_approved",
        recipient=product.student.person,
        context={"product": product, "url": _own_url()},
    )
    assert product.graduation_supervisor is not None
    _send(
        template="portfolio/email/product_supervisor_assigned",
        recipient=product.graduation_supervisor,
        context={"product": product, "url": _detail_url(product)},
    )


def notify_version_uploaded(*, version: DeliverableVersion) -> None:
    product = version.product
    if product.graduation_supervisor is None:
        return
    _send(
        template="portfolio/email/product_version_uploaded",
        recipient=product.graduation_supervisor,
        context={"product": product, "version": version, "url": _detail_url(product)},
    )


def notify_version_reviewed(*, review: DeliverableReview) -> None:
    product = review.version.product
    _send(
        template="portfolio/email/product_version_reviewed",
        recipient=product.student.person,
        context={"product": product, "review": review, "url": _own_url()},
    )


def notify_evaluation_request(*, form: EvaluationForm, link: str) -> None:
    _send(
        template="portfolio/email/product_evaluation_request",
        recipient=form.practice_supervisor,
        context={
            "product": form.product,
            "link": link,
            "expires_in_days": settings.SIGNATURE_LINK_MAX_AGE_DAYS,
        },
    )


def notify_evaluation_signed(*, form: EvaluationForm) -> None:
    product = form.product
    if product.graduation_supervisor is None:
        return
    _send(
        template="portfolio/email/product_evaluation_signed",
        recipient=product.graduation_supervisor,
        context={"product": product, "form": form, "url": _detail_url(product)},
    )


def notify_part_assessed(*, assessment: PartAssessment) -> None:
    product = assessment.product
    _send(
        template="portfolio/email/product_part_assessed",
        recipient=product.student.person,
        context={"product": product, "assessment": assessment, "url": _own_url()},
    )
