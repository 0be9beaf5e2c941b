from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView, TemplateView

from .eligibility import missing_entry_requirements
from .forms.entry_requirements import EntryRequirementsForm
from .membership import SESSION_KEY, Membership
from .models import (
    INSTITUTION_ROLES,
    SCHOOL_ROLES,
    Placement,
    Role,
    School,
    StudentProfile,
)
from .next_steps import student_next_steps
from .permissions import RoleRequiredMixin, role_required
from .selectors import (
    placement_queryset,
    placements_visible_to,
    schools_of,
    students_of,
)
from .selectors_dashboard import actions_for_staff
from .selectors_days import day_log_for, has_day_log
from .selectors_staff import StaffStudentRow, staff_students
from .services.entry_requirements import entry_requirements_record

STAFF_ROLES = (INSTITUTION_ROLES | SCHOOL_ROLES) - {Role.COORDINATOR}


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the home of their main role."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    if Role.COORDINATOR in membership.roles:
        return redirect("internships:overview")
    if Role.STUDENT in membership.roles:
        return redirect("internships:my-lio")
    if membership.has_any(STAFF_ROLES):
        return redirect("internships:my-students")
    return render(request, "internships/no_role.html")


@require_POST
def institution_switch(request: HttpRequest) -> HttpResponse:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    wanted = request.POST.get("institution", "")
    if not any(str(inst.pk) == wanted for inst in membership.institutions):
        raise Http404
    request.session[SESSION_KEY] = int(wanted)
    return redirect("home")


class StudentHomeView(RoleRequiredMixin, TemplateView):
    required_roles = {Role.STUDENT}
    template_name = "internships/student_home.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        profile = self.membership.person.student_profile  # type: ignore[union-attr]
        placement = (
            placement_queryset()
            .filter(student=profile)
            .exclude(status=Placement.Status.CANCELLED)
            .first()
        )
        progress = (
            day_log_for(placement=placement, today=timezone.localdate()).progress
            if has_day_log(placement)
            else None
        )
        application = getattr(placement, "start_application", None) if placement else None
        return super().get_context_data(
            profile=profile,
            placement=placement,
            application=application,
            next_steps=student_next_steps(placement, application),
            progress=progress,
            **kwargs,
        )


class StaffHomeView(RoleRequiredMixin, ListView):
    """The students a mentor, director, coach or supervisor works with."""

    required_roles = STAFF_ROLES
    template_name = "internships/staff_home.html"
    context_object_name = "rows"

    def get_queryset(self) -> list[StaffStudentRow]:  # type: ignore[override]
        return staff_students(membership=self.membership)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        actions = actions_for_staff(membership=self.membership, today=timezone.localdate())
        return super().get_context_data(action_rows=actions.rows(self.membership), **kwargs)


class PlacementListView(RoleRequiredMixin, ListView):
    required_roles = {Role.COORDINATOR}
    template_name = "internships/placement_list.html"
    context_object_name = "placements"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[Placement]:
        placements = placements_visible_to(self.membership)
        status = self.request.GET.get("status")
        if status in Placement.Status.values:
            placements = placements.filter(status=status)
        return placements.order_by("student__person__last_name", "student__person__first_name")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            statuses=Placement.Status.choices,
            current_status=self.request.GET.get("status", ""),
            **kwargs,
        )


class PlacementDetailView(RoleRequiredMixin, DetailView):
    required_roles = {Role.STUDENT} | INSTITUTION_ROLES | SCHOOL_ROLES
    template_name = "internships/placement_detail.html"
    context_object_name = "placement"

    def get_queryset(self) -> QuerySet[Placement]:
        return placements_visible_to(self.membership)


class StudentDetailView(RoleRequiredMixin, DetailView):
    required_roles = {Role.COORDINATOR}
    template_name = "internships/student_detail.html"
    context_object_name = "student"

    def get_object(self, queryset: QuerySet[StudentProfile] | None = None) -> StudentProfile:
        return get_object_or_404(
            students_of(institution=self.membership.institution), pk=self.kwargs["pk"]
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        met = [r.kind for r in self.object.entry_requirements.all()]
        return super().get_context_data(
            placements=placement_queryset().filter(student=self.object),
            requirements_form=EntryRequirementsForm(initial={"met": met}),
            missing_requirements=missing_entry_requirements(met),
            **kwargs,
        )


@require_POST
@role_required(Role.COORDINATOR)
def entry_requirements_update(request: HttpRequest, pk: int) -> HttpResponse:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    student = get_object_or_404(students_of(institution=membership.institution), pk=pk)
    form = EntryRequirementsForm(request.POST)
    if form.is_valid():
        try:
            entry_requirements_record(
                student=student,
                met=set(form.cleaned_data["met"]),
                actor=membership.person,  # type: ignore[arg-type]
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The entry requirements have been saved."))
    return redirect("internships:student-detail", pk)


class SchoolListView(RoleRequiredMixin, ListView):
    required_roles = {Role.COORDINATOR}
    template_name = "internships/school_list.html"
    context_object_name = "schools"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[School]:
        return schools_of(institution=self.membership.institution).order_by("name")


class SchoolDetailView(RoleRequiredMixin, DetailView):
    required_roles = {Role.COORDINATOR}
    template_name = "internships/school_detail.html"
    context_object_name = "school"

    def get_object(self, queryset: QuerySet[School] | None = None) -> School:
        return get_object_or_404(
            School, pk=self.kwargs["pk"], institution=self.membership.institution
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            staff=self.object.staff.select_related("person").order_by("role", "person__last_name"),
            placements=placement_queryset().filter(school=self.object),
            **kwargs,
        )
