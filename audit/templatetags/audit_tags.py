"""`{% history_link "placement" placement %}`: the coordinator's link to a record's history."""

from typing import Any

from django import template
from django.db import models
from django.urls import reverse

from internships.models import Role

register = template.Library()


@register.inclusion_tag("audit/_history_link.html", takes_context=True)
def history_link(context: dict[str, Any], kind: str, record: models.Model | None) -> dict[str, Any]:
    """Shown to coordinators only: nobody else may open the history page."""
    membership = getattr(context.get("request"), "membership", None)
    roles = getattr(membership, "roles", frozenset())
    if Role.COORDINATOR not in roles or record is None or record.pk is None:
        return {"url": None}
    return {"url": reverse(f"audit:{kind}-history", args=[record.pk])}
