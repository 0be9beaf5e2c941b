"""Start application pages: the student's form, the shared status page, the coordinator's list."""

from io import BytesIO
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView

from signoffs.forms import SendBackForm, SignForm
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .forms.start_application import PlanPreviewForm, StartApplicationForm
from .membership import Membership
from .models import Placement, Role, StartApplication
from .pdf import start_application_pdf
from .permissions import RoleRequiredMixin, role_required
from .planning import PlanningError
from .selectors import start_applications_visible_to
from .selectors_calendar import plan_for_school
from .services.start_applications import (
    StartApplicationData,
    start_application_confirm,
    start_application_return,
    start_application_save,
    start_application_submit,
)
from .start_application_planning import plan_for_application

_DATA_FIELDS = [name for name in StartApplicationData.__dataclass_fields__ if name != "school"]


def _initial(application: StartApplication | None, placement: Placement | None) -> dict[str, Any]:
    if application is not None:
        return {"school": application.school} | {
            name: getattr(application, name) for name in _DATA_FIELDS
        }
    if placement is not None:
        return {
            name: getattr(placement, name)
            for name in ("school", "class_name", "grades", "mentor", "director", "study_coach")
        }
    return {}


def _data(form: StartApplicationForm) -> StartApplicationData:
    cleaned = form.cleaned_data
    values = {name: cleaned[name] for name in _DATA_FIELDS if name in cleaned}
    values["weekdays"] = sorted(values.get("weekdays") or [])
    values["class_name"] = values.get("class_name", "").strip()
    values["learning_areas"] = values.get("learning_areas", "")
    values["school_confirms_conditions"] = bool(values.get("school_confirms_conditions"))
    return StartApplicationData(school=cleaned["school"], **values)


def _current(membership: Membership) -> tuple[StartApplication | None, Placement | None]:
    profile = membership.person.student_profile  # type: ignore[union-attr]
    placement = (
        Placement.objects.filter(student=profile)
        .exclude(status__in=[Placement.Status.CANCELLED, Placement.Status.COMPLETED])
        .select_related("school_year")
        .order_by("-school_year__start_date")
        .first()
    )
    application = getattr(placement, "start_application", None) if placement else None
    return application, placement


@role_required(Role.STUDENT)
def start_application_edit(request: HttpRequest) -> HttpResponse:
    """The student fills in (or changes) the start application; save as draft or submit."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    student = membership.person.student_profile  # type: ignore[union-attr]
    application, placement = _current(membership)
    if application is not None and not application.is_editable:
        return redirect("internships:start-application-detail", application.pk)
    form = StartApplicationForm(
        request.POST or None, student=student, initial=_initial(application, placement)
    )
    if request.method == "POST" and form.is_valid():
        try:
            application = start_application_save(
                student=student,
                data=_data(form),
                actor=membership.person,  # type: ignore[arg-type]
                new_contacts={
                    role: contact
                    for role in ("mentor", "director")
                    if (contact := form.new_contact(role))
                },
            )
            if request.POST.get("action") != "submit":
                messages.success(request, _("Your start application has been saved."))
                return redirect("internships:start-application-edit")
            if application.status in (
                StartApplication.Status.DRAFT,
                StartApplication.Status.RETURNED,
            ):
                start_application_submit(application=application, actor=membership.person)  # type: ignore[arg-type]
                messages.success(request, _("Submitted: the signers have been sent an e-mail."))
            else:
                messages.success(request, _("Your changes have been saved."))
            return redirect("internships:start-application-detail", application.pk)
        except ValidationError as exc:
            _errors_onto_form(form, exc)
    return render(
        request,
        "internships/start_application/edit.html",
        {
            "form": form,
            "application": application,
            "status": signoff_status(application) if application else None,
            "plan": _safe_plan(application),
        },
    )


def _errors_onto_form(form: StartApplicationForm, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc)
        return
    for name, errors in exc.message_dict.items():
        form.add_error(name if name in form.fields else None, errors)


def _safe_plan(application: StartApplication | None) -> Any:
    if application is None:
        return None
    try:
        return plan_for_application(application)
    except ValueError:
        return None


class StartApplicationDetailView(RoleRequiredMixin, DetailView):
    """Where the form stands, for everyone involved; signers with an account sign here."""

    required_roles = {Role.STUDENT, Role.COORDINATOR, Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH}
    template_name = "internships/start_application/detail.html"
    context_object_name = "application"

    def get_queryset(self) -> QuerySet[StartApplication]:
        return start_applications_visible_to(self.membership)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        application = self.object
        status = signoff_status(application)
        person = self.membership.person
        is_student = application.placement.student.person_id == person.pk  # type: ignore[union-attr]
        return super().get_context_data(
            document=application,
            status=status,
            pending=status.request_of(person.pk),  # type: ignore[union-attr]
            sign_form=SignForm(initial={"content_hash": document_hash(application)}),
            back_form=SendBackForm(),
            can_send_back=True,
            is_student=is_student,
            is_coordinator=Role.COORDINATOR in self.membership.roles,
            manage=is_student or Role.COORDINATOR in self.membership.roles,
            plan=_safe_plan(application),
            **kwargs,
        )


def _coordinator_application(request: HttpRequest, pk: int) -> tuple[StartApplication, Membership]:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    application = get_object_or_404(start_applications_visible_to(membership), pk=pk)
    return application, membership


@require_POST
@role_required(Role.COORDINATOR)
def start_application_confirm_view(request: HttpRequest, pk: int) -> HttpResponse:
    application, membership = _coordinator_application(request, pk)
    try:
        start_application_confirm(application=application, coordinator=membership.person)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Confirmed: the LIO has started."))
    return redirect("internships:start-application-detail", pk)


@require_POST
@role_required(Role.COORDINATOR)
def start_application_return_view(request: HttpRequest, pk: int) -> HttpResponse:
    application, membership = _coordinator_application(request, pk)
    try:
        start_application_return(
            application=application,
            coordinator=membership.person,  # type: ignore[arg-type]
            comment=request.POST.get("comment", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The start application has been sent back to the student."))
    return redirect("internships:start-application-detail", pk)


def start_application_pdf_view(request: HttpRequest, pk: int) -> HttpResponse:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    if membership.person is None:
        raise Http404
    application = get_object_or_404(start_applications_visible_to(membership), pk=pk)
    document = start_application_pdf(application)
    return FileResponse(
        BytesIO(document.data),
        as_attachment=True,
        filename=document.filename,
        content_type=document.content_type,
    )


class StartApplicationListView(RoleRequiredMixin, ListView):
    """The coordinator's list: forms waiting for confirmation first, oldest first."""

    required_roles = {Role.COORDINATOR}
    template_name = "internships/start_application/list.html"
    context_object_name = "applications"
    paginate_by = 50

    def get_queryset(self) -> QuerySet[StartApplication]:
        applications = start_applications_visible_to(self.membership)
        status = self.request.GET.get("status")
        if status in StartApplication.Status.values:
            applications = applications.filter(status=status)
        urgency = Case(
            When(status=StartApplication.Status.SIGNED, then=Value(0)),
            When(status=StartApplication.Status.SUBMITTED, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
        return applications.annotate(urgency=urgency).order_by("urgency", "submitted_at", "pk")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return super().get_context_data(
            statuses=StartApplication.Status.choices,
            current_status=self.request.GET.get("status", ""),
            **kwargs,
        )


@role_required(Role.STUDENT)
def start_application_plan_preview(request: HttpRequest) -> HttpResponse:
    """The planner's answer for the dates being typed (fetched by the form as you type)."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    student = membership.person.student_profile  # type: ignore[union-attr]
    form = PlanPreviewForm(request.GET, institution=student.institution)
    plan, error = None, None
    if form.is_valid():
        try:
            plan = plan_for_school(
                school=form.cleaned_data["school"],
                start=form.cleaned_data["start_date"],
                weekdays=form.cleaned_data["weekdays"],
            )
        except PlanningError as exc:
            error = str(exc)
    return render(
        request,
        "internships/start_application/_plan_preview.html",
        {"plan": plan, "error": error, "complete": form.is_valid()},
    )
