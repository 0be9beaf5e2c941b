"""The coordinator's dashboard and student list with its exports."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.generic import ListView, TemplateView

from .exports import csv_response, xlsx_response
from .forms.students import StudentFilterForm
from .membership import Membership
from .models import Role, SchoolYear, StudentProfile
from .permissions import RoleRequiredMixin, role_required
from .pipeline import stage_of_rank
from .selectors import pick_current_school_year
from .selectors_calendar import school_years_of
from .selectors_dashboard import coordinator_dashboard
from .selectors_students import (
    SORTS,
    export_header,
    export_rows,
    needs_by_student,
    student_listing,
    students_in_order,
)


def _school_year(years: list[SchoolYear], chosen: Any) -> SchoolYear | None:
    """Of the institution's years: the one the coordinator chose (by primary key), else the
    current one."""
    for year in years:
        if str(year.pk) == str(chosen):
            return year
    return pick_current_school_year(years, timezone.localdate())


class CoordinatorDashboardView(RoleRequiredMixin, TemplateView):
    """The institution in one school year: pipeline, what needs action, load."""

    required_roles = {Role.COORDINATOR}
    template_name = "internships/coordinator_overview.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        institution = self.membership.institution
        assert institution is not None
        school_years = list(school_years_of(institution=institution))
        school_year = _school_year(school_years, self.request.GET.get("year"))
        dashboard = coordinator_dashboard(
            institution=institution, school_year=school_year, today=timezone.localdate()
        )
        return super().get_context_data(
            institution=institution,
            school_year=school_year,
            school_years=school_years,
            dashboard=dashboard,
            action_rows=dashboard.actions.rows(self.membership),
            **kwargs,
        )


def _listing(
    request: HttpRequest,
) -> tuple[StudentFilterForm, SchoolYear | None, QuerySet[StudentProfile]]:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    institution = membership.institution
    assert institution is not None
    form = StudentFilterForm(request.GET, institution=institution)
    school_year = _school_year(form.school_years, form.chosen_year())
    form.initial_year = school_year.pk if school_year else None
    students = student_listing(
        institution=institution,
        school_year=school_year,
        filters=form.filters(),
        today=timezone.localdate(),
    )
    return form, school_year, students


def _query(request: HttpRequest, *drop: str) -> str:
    query: QueryDict = request.GET.copy()
    for name in drop:
        query.pop(name, None)
    return query.urlencode()


def sort_links(request: HttpRequest, current: str) -> dict[str, dict[str, str]]:
    """Per sortable column: the link that sorts on it (ascending, or flipped if current) and
    its aria-sort value."""
    base = _query(request, "sort", "page")
    links = {}
    for key in SORTS:
        state = "ascending" if current == key else "descending" if current == f"-{key}" else ""
        target = f"-{key}" if current == key else key
        links[key] = {
            "href": f"?{base}&sort={target}" if base else f"?sort={target}",
            "aria_sort": state,
        }
    return links


class StudentListView(RoleRequiredMixin, ListView):
    """Every student with their placement of the year: filter, sort, page, export."""

    required_roles = {Role.COORDINATOR}
    template_name = "internships/student_list.html"
    context_object_name = "students"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[int]:  # type: ignore[override]
        self.form, self.school_year, students = _listing(self.request)
        return students.values_list("pk", flat=True)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        institution = self.membership.institution
        filters = self.form.filters()
        ids = list(context["page_obj"])
        students = students_in_order(
            institution=institution,  # type: ignore[arg-type]
            school_year=self.school_year,
            ids=ids,
        )
        # What each student needs is named when the list is filtered on it (and in the
        # exports): asking every workflow about every page would cost each list a dozen queries.
        needs = (
            needs_by_student(
                institution=institution,  # type: ignore[arg-type]
                today=timezone.localdate(),
                students=StudentProfile.objects.filter(pk__in=ids),
            )
            if filters.needs
            else {}
        )
        for student in students:
            student.needs = needs.get(student.pk, [])
            student.stage = stage_of_rank(student.stage_rank)
        context["students"] = students
        return {
            **context,
            "form": self.form,
            "school_year": self.school_year,
            "show_needs": bool(filters.needs),
            "sort": sort_links(self.request, filters.sort),
            "query_string": _query(self.request, "page"),
            "export_query": _query(self.request, "page"),
        }


def _filename(membership: Membership, extension: str) -> str:
    institution = membership.institution
    short = slugify(institution.short_name if institution else "") or "lio"
    return f"{_('students')}-{short}-{timezone.localdate():%Y-%m-%d}.{extension}"


@role_required(Role.COORDINATOR)
def student_export(request: HttpRequest, extension: str) -> HttpResponse:
    """Exactly the rows of the filtered list, in its order, as CSV or Excel."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    _form, _year, students = _listing(request)
    needs = needs_by_student(
        institution=membership.institution,  # type: ignore[arg-type]
        today=timezone.localdate(),
        students=students,
    )
    rows = export_rows(students, kinds_by_student=needs)
    filename = _filename(membership, extension)
    if extension == "csv":
        return csv_response(filename=filename, header=export_header(), rows=rows)
    return xlsx_response(filename=filename, title=_("Students"), header=export_header(), rows=rows)
