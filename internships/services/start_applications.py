"""The start application workflow: draft → submitted → signed → confirmed (or sent back).

Rules (DOMAIN.md, track NL / track VL): the student fills it in; mentor, school director and
study coach sign; only then may the coordinator confirm and the LIO formally start. A change
after a signature voids the signatures and asks for them again.
"""

from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from lio_portal.mail import mail_send
from signoffs import services as signoffs
from signoffs.models import SignOffEvent

from ..eligibility import (
    VlAdmission,
    missing_entry_requirements,
    vl_admission_problems,
    vl_grades_problem,
)
from ..models import (
    Person,
    Placement,
    Role,
    School,
    StartApplication,
    StudentProfile,
    Track,
)
from ..pdf import start_application_pdf_store_later
from ..planning import PlanningError
from ..selectors import current_school_year
from ..start_application_planning import plan_for_application
from .action_dates import placement_action_dates_refresh_one
from .people import school_contact_ensure
from .pipeline import placement_stage_refresh

SIGNER_ROLES = (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH)


@dataclass(frozen=True)
class StartApplicationData:
    """What the student fills in."""

    school: School
    class_name: str = ""
    grades: list[str] = field(default_factory=list)
    mentor: Person | None = None
    director: Person | None = None
    study_coach: Person | None = None
    weekdays: list[int] = field(default_factory=list)
    start_date: date | None = None
    appointment: str = ""
    special_class_pupils: int | None = None
    appointment_for_school_year: bool | None = None
    appointment_start: date | None = None
    periods_per_week: int | None = None
    learning_areas: str = ""
    school_confirms_conditions: bool = False


def start_application_content(application: StartApplication) -> dict[str, Any]:
    """The canonical content a signature covers."""
    student = application.placement.student
    people = {
        role: {"id": person.pk, "name": person.full_name, "email": person.email} if person else None
        for role, person in (
            ("mentor", application.mentor),
            ("director", application.director),
            ("study_coach", application.study_coach),
        )
    }
    return {
        "student": {
            "id": student.pk,
            "name": student.person.full_name,
            "number": student.student_number,
        },
        "school_year": application.placement.school_year.name,
        "school": {"id": application.school_id, "name": application.school.name},
        "class_name": application.class_name,
        "grades": sorted(application.grades),
        **people,
        "weekdays": list(application.weekdays),
        "start_date": application.start_date,
        "end_date": application.end_date,
        "appointment": application.appointment,
        "special_class_pupils": application.special_class_pupils,
        "appointment_for_school_year": application.appointment_for_school_year,
        "appointment_start": application.appointment_start,
        "periods_per_week": application.periods_per_week,
        "learning_areas": application.learning_areas,
        "school_confirms_conditions": application.school_confirms_conditions,
    }


def _open_placement(student: StudentProfile) -> Placement:
    placement = (
        Placement.objects.filter(student=student)
        .exclude(status__in=[Placement.Status.CANCELLED, Placement.Status.COMPLETED])
        .order_by("-school_year__start_date")
        .first()
    )
    if placement is not None:
        return placement
    school_year = current_school_year(institution=student.institution, today=timezone.localdate())
    if school_year is None:
        raise ValidationError(_("Your institution has not set up a school year yet."))
    return Placement(student=student, school_year=school_year)


NewContact = tuple[str, str, str]  # first name, last name, e-mail


@transaction.atomic
def start_application_save(
    *,
    student: StudentProfile,
    data: StartApplicationData,
    actor: Person,
    new_contacts: dict[str, NewContact] | None = None,
) -> StartApplication:
    """Save the student's form; a change after a signature voids the signatures.

    `new_contacts` maps "mentor"/"director" to a school contact the institution does not know yet.
    """
    if data.school.institution_id != student.institution_id:
        raise PermissionDenied
    for name, (first_name, last_name, email) in (new_contacts or {}).items():
        person = school_contact_ensure(
            school=data.school,
            role=Role.MENTOR if name == "mentor" else Role.DIRECTOR,
            first_name=first_name,
            last_name=last_name,
            email=email,
        )
        data = replace(data, **{name: person})
    placement = _open_placement(student)
    application = (
        StartApplication.objects.select_for_update().filter(placement_id=placement.pk).first()
        if placement.pk
        else None
    )
    if application is not None and not application.is_editable:
        raise ValidationError(_("A confirmed start application can no longer be changed."))
    before = signoffs.document_hash(application) if application else None
    if placement.pk is None:
        placement.school = data.school
        placement.save()
    application = application or StartApplication(placement=placement)
    for data_field in fields(data):
        setattr(application, data_field.name, getattr(data, data_field.name))
    application.end_date = _planned_end(application)
    application.save()
    if before is None:
        signoffs.event_log(document=application, action=SignOffEvent.Action.CREATED, actor=actor)
    elif before != signoffs.document_hash(application):
        _after_change(application=application, actor=actor)
    placement_stage_refresh(placement.pk)
    return application


def _planned_end(application: StartApplication) -> date | None:
    try:
        plan = plan_for_application(application)
    except PlanningError:
        return None
    return plan.end_date if plan else None


def _after_change(*, application: StartApplication, actor: Person) -> None:
    application.version += 1
    application.save(update_fields=["version", "updated_at"])
    signoffs.event_log(
        document=application,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("version %(version)s") % {"version": application.version},
    )
    signoffs.signatures_void(
        document=application,
        reason=_("The form was changed after signing (version %(version)s).")
        % {"version": application.version},
        actor=actor,
    )
    if application.status in (StartApplication.Status.SUBMITTED, StartApplication.Status.SIGNED):
        application.status = StartApplication.Status.SUBMITTED
        application.save(update_fields=["status", "updated_at"])
        signoffs.signature_requests_open(
            document=application, signers=_signers(application), actor=actor
        )


def _signers(application: StartApplication) -> list[tuple[str, Person]]:
    people = (application.mentor, application.director, application.study_coach)
    return [(role, person) for role, person in zip(SIGNER_ROLES, people, strict=True) if person]


def start_application_problems(application: StartApplication) -> dict[str, list[str]]:
    """Everything that stops the student from submitting, by form field (None: whole form)."""
    problems: dict[str, list[str]] = {}

    def add(name: str | None, message: object) -> None:
        problems.setdefault(name or "__all__", []).append(str(message))

    for name, label in (("mentor", _("mentor")), ("director", _("school director"))):
        if getattr(application, name) is None:
            add(name, _("Choose the %(who)s who signs the form.") % {"who": label})
    if application.study_coach is None:
        add("study_coach", _("Choose your study coach."))
    if not application.class_name.strip():
        add("class_name", _("Fill in the class or group."))
    student = application.placement.student
    if student.programme.track == Track.NL:
        _nl_problems(application, add)
    else:
        _vl_problems(application, add)
    return problems


def _nl_problems(application: StartApplication, add: Any) -> None:
    student = application.placement.student
    met = student.entry_requirements.values_list("kind", flat=True)
    missing = missing_entry_requirements(met)
    if missing:
        names = ", ".join(str(kind.label) for kind in missing)
        add(None, _("Not all entry requirements are met yet: %(missing)s.") % {"missing": names})
    if not application.start_date or not application.weekdays:
        add("start_date", _("Choose your start date and your LIO days of the week."))
        return
    try:
        plan_for_application(application)
    except PlanningError as exc:
        add("start_date" if exc.code.startswith("start") else "weekdays", str(exc))


def _vl_problems(application: StartApplication, add: Any) -> None:
    answers = VlAdmission(
        appointment=application.appointment,
        special_class_pupils=application.special_class_pupils,
        appointment_for_school_year=application.appointment_for_school_year,
        appointment_start=application.appointment_start,
        periods_per_week=application.periods_per_week,
        school_confirms_conditions=application.school_confirms_conditions,
    )
    school_year_start = application.placement.school_year.start_date
    for name, message in vl_admission_problems(
        answers, school_year_start=school_year_start
    ).items():
        add(name, message)
    grades_problem = vl_grades_problem(application.grades, application.placement.student.lio_year)
    if grades_problem:
        add("grades", grades_problem)


def _locked(application: StartApplication) -> StartApplication:
    return (
        StartApplication.objects.select_for_update(of=("self",))
        .select_related(
            "placement__student__person", "placement__student__programme", "placement__school_year"
        )
        .get(pk=application.pk)
    )


@transaction.atomic
def start_application_submit(*, application: StartApplication, actor: Person) -> StartApplication:
    """Send the form to mentor, director and study coach for their signatures."""
    application = _locked(application)
    if application.status not in (StartApplication.Status.DRAFT, StartApplication.Status.RETURNED):
        raise ValidationError(_("This start application has already been submitted."))
    problems = start_application_problems(application)
    if problems:
        raise ValidationError(problems)
    application.status = StartApplication.Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.return_comment = ""
    application.save(update_fields=["status", "submitted_at", "return_comment", "updated_at"])
    signoffs.event_log(document=application, action=SignOffEvent.Action.SUBMITTED, actor=actor)
    signoffs.signature_requests_open(
        document=application, signers=_signers(application), actor=actor
    )
    if signoffs.signature_requests_all_signed(document=application):
        _all_signed(application)
    placement_stage_refresh(application.placement_id)
    return application


@transaction.atomic
def start_application_sign(
    *, document: StartApplication, request_id: int, signer: Person, method: str, seen_hash: str
) -> StartApplication:
    """One of the three signatures; the last one hands the form to the coordinator."""
    application = _locked(document)
    if application.status != StartApplication.Status.SUBMITTED:
        raise ValidationError(_("This start application is not waiting for signatures."))
    signoffs.signature_record(
        document=application,
        request_id=request_id,
        signer=signer,
        method=method,
        seen_hash=seen_hash,
    )
    if signoffs.signature_requests_all_signed(document=application):
        _all_signed(application)
    return application


def _all_signed(application: StartApplication) -> None:
    application.status = StartApplication.Status.SIGNED
    application.save(update_fields=["status", "updated_at"])
    signoffs.event_log(document=application, action=SignOffEvent.Action.COMPLETED)
    start_application_pdf_store_later(application)
    coordinators = Person.objects.filter(
        institution=application.placement.student.institution_id,
        role_assignments__role=Role.COORDINATOR,
    ).distinct()
    for coordinator in coordinators:
        mail_send(
            template="internships/email/start_application_signed",
            recipient=coordinator,
            context={"application": application, "url": _url(application)},
        )


@transaction.atomic
def start_application_send_back(
    *, document: StartApplication, request_id: int, signer: Person, comment: str
) -> StartApplication:
    """A signer returns the form to the student with a comment."""
    application = _locked(document)
    if application.status != StartApplication.Status.SUBMITTED:
        raise ValidationError(_("This start application is not waiting for signatures."))
    signoffs.signature_request_send_back(
        document=application, request_id=request_id, signer=signer, comment=comment
    )
    _return_to_student(application=application, actor=signer, comment=comment)
    return application


@transaction.atomic
def start_application_return(
    *, application: StartApplication, coordinator: Person, comment: str
) -> StartApplication:
    """The coordinator sends the form back instead of confirming it."""
    application = _locked(application)
    if application.status not in (
        StartApplication.Status.SUBMITTED,
        StartApplication.Status.SIGNED,
    ):
        raise ValidationError(_("Only a submitted start application can be sent back."))
    if not comment.strip():
        raise ValidationError({"comment": _("Explain what needs to change.")})
    signoffs.event_log(
        document=application, action=SignOffEvent.Action.RETURNED, actor=coordinator, detail=comment
    )
    _return_to_student(application=application, actor=coordinator, comment=comment)
    return application


def _return_to_student(*, application: StartApplication, actor: Person, comment: str) -> None:
    signoffs.signature_requests_hold(document=application, actor=actor)
    application.status = StartApplication.Status.RETURNED
    application.return_comment = comment.strip()
    application.save(update_fields=["status", "return_comment", "updated_at"])
    placement_stage_refresh(application.placement_id)
    mail_send(
        template="internships/email/start_application_returned",
        recipient=application.placement.student.person,
        context={
            "application": application,
            "by": actor,
            "comment": application.return_comment,
            "url": _url(application),
        },
    )


@transaction.atomic
def start_application_confirm(
    *, application: StartApplication, coordinator: Person
) -> StartApplication:
    """All three have signed: the LIO formally starts with the planned period."""
    application = _locked(application)
    if application.status != StartApplication.Status.SIGNED:
        raise ValidationError(_("Only a fully signed start application can be confirmed."))
    if not signoffs.signature_requests_all_signed(document=application):
        raise ValidationError(_("Not all signatures are valid any more."))
    placement = Placement.objects.select_for_update().get(pk=application.placement_id)
    for name in ("school", "class_name", "grades", "mentor", "director", "study_coach"):
        setattr(placement, name, getattr(application, name))
    placement.weekdays = list(application.weekdays)
    placement.start_date = application.start_date or placement.start_date
    placement.end_date = application.end_date or placement.end_date
    placement.status = Placement.Status.ACTIVE
    placement.save()
    application.status = StartApplication.Status.CONFIRMED
    application.confirmed_at = timezone.now()
    application.confirmed_by = coordinator
    application.save(update_fields=["status", "confirmed_at", "confirmed_by", "updated_at"])
    placement_stage_refresh(placement.pk)
    placement_action_dates_refresh_one(placement.pk)
    signoffs.event_log(
        document=application, action=SignOffEvent.Action.CONFIRMED, actor=coordinator
    )
    start_application_pdf_store_later(application)
    mail_send(
        template="internships/email/start_application_confirmed",
        recipient=application.placement.student.person,
        context={"application": application, "url": _url(application)},
    )
    return application


def _url(application: StartApplication) -> str:
    return settings.SITE_URL + reverse(
        "internships:start-application-detail", args=[application.pk]
    )
