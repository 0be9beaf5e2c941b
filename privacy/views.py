"""The coordinator's personal-data pages: find a person, see what is held, download it."""

from typing import Any

from django.db.models import QuerySet
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView

from internships.membership import Membership
from internships.models import Person, Role
from internships.permissions import RoleRequiredMixin, role_required

from .export import personal_data_collect, personal_data_export
from .registry import sections
from .selectors import data_exports_of, people_of, role_labels


class PeopleView(RoleRequiredMixin, ListView):
    """Everyone of the institution, to pick whose data to export."""

    required_roles = {Role.COORDINATOR}
    template_name = "privacy/people.html"
    context_object_name = "people"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[Person]:
        search = self.request.GET.get("q", "")[:100]
        return people_of(institution=self.membership.institution, search=search)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        search = self.request.GET.get("q", "")[:100]
        query_string = f"q={search}" if search else ""
        context = super().get_context_data(search=search, query_string=query_string, **kwargs)
        context["rows"] = [(person, role_labels(person)) for person in context["people"]]
        return context


class ExportLogView(RoleRequiredMixin, ListView):
    """Who exported whose data, and when."""

    required_roles = {Role.COORDINATOR}
    template_name = "privacy/export_log.html"
    context_object_name = "exports"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[Any]:
        return data_exports_of(institution=self.membership.institution)


class PersonDataView(RoleRequiredMixin, TemplateView):
    """What the portal holds about one person, per kind of record, with the download."""

    required_roles = {Role.COORDINATOR}
    template_name = "privacy/person.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        person = get_object_or_404(
            people_of(institution=self.membership.institution), pk=self.kwargs["pk"]
        )
        data = personal_data_collect(person=person)
        counts = [(section, len(data.records[section.name])) for section in sections()]
        return super().get_context_data(
            person=person,
            counts=counts,
            file_count=len(data.files),
            exports=data_exports_of(institution=self.membership.institution).filter(person=person)[
                :20
            ],
            **kwargs,
        )


@require_POST
@role_required(Role.COORDINATOR)
def person_data_download(request: HttpRequest, pk: int) -> HttpResponse:
    """The zip of the person's data; the download is logged."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    person = get_object_or_404(Person, pk=pk, institution=membership.institution)
    assert membership.person is not None
    handle, filename = personal_data_export(person=person, exported_by=membership.person)
    response = FileResponse(
        handle, as_attachment=True, filename=filename, content_type="application/zip"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
