"""The coordinator's history page of a record."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from internships.models import Role
from internships.permissions import require_roles

from .kinds import KINDS
from .selectors import Source, record_history


def record_history_view(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Who changed what and when, for coordinators only; another institution's record is 404."""
    membership = require_roles(request, {Role.COORDINATOR})
    spec = KINDS[kind]
    record = get_object_or_404(
        spec.model._default_manager.all(), pk=pk, **{spec.institution_path: membership.institution}
    )
    sources = [Source(spec.model, {"id": record.pk}), *spec.related(record)]
    return render(
        request,
        "audit/history.html",
        {
            "record": record,
            "record_label": record._meta.verbose_name,
            "record_url": reverse(spec.detail_url, args=[spec.detail_pk(record)]),
            "entries": record_history(sources=sources),
        },
    )
