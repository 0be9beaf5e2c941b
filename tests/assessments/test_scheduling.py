"""Scheduling the visit: inside the active LIO period, on an LIO day that is no day off, with
both assessors the rule picks; the appointment by e-mail with an .ics to everyone involved."""

from datetime import date, time

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from icalendar import Calendar

from assessments.models import AssessorAssignment, LessonAssessment
from assessments.services import (
    assessor_assign,
    lesson_assessment_cancel,
    lesson_assessment_confirm,
    lesson_assessment_form_save,
    lesson_assessment_propose,
    lesson_assessment_reschedule,
    lesson_assessment_schedule,
)
from internships.models import Placement, Role
from tests.assessments.conftest import (
    VISIT_DAY,
    Capture,
    complete_form,
    filled_in,
    product_started,
    schedule,
    travel,
    visit,
)
from tests.conftest import World, client_for
from tests.factories import (
    CalendarOverrideFactory,
    PersonFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    stage_follows,
)

pytestmark = pytest.mark.django_db


def _ics_of(message: object) -> Calendar:
    attachments = [a for a in message.attachments if a[0].endswith(".ics")]  # type: ignore[attr-defined]
    assert len(attachments) == 1
    return Calendar.from_ical(attachments[0][1])


def _event(message: object) -> object:
    return _ics_of(message).walk("VEVENT")[0]


def _errors(exc: pytest.ExceptionInfo[ValidationError]) -> str:
    return " ".join(exc.value.messages)


def test_the_coordinator_schedules_with_the_assessors_of_the_rule(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = schedule(lio)
    assert assessment.status == LessonAssessment.Status.SCHEDULED
    assert assessment.assessor == lio.people[Role.ASSESSOR]
    assert assessment.assessor_basis == "assigned_not_started"
    assert assessment.co_assessor == lio.people[Role.SCHOOL_TEACHER_EDUCATOR]
    recipients = {message.to[0] for message in mail.outbox}
    assert recipients == {
        lio.people[role].email
        for role in (Role.STUDENT, Role.ASSESSOR, Role.SCHOOL_TEACHER_EDUCATOR, Role.MENTOR)
    }


def test_the_appointment_is_an_ics_that_parses(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = schedule(lio)
    calendar = _ics_of(mail.outbox[0])
    assert calendar["METHOD"] == "REQUEST"
    event = calendar.walk("VEVENT")[0]
    assert str(event["UID"]) == f"lio-assessment-{assessment.pk}@lio-portal"
    assert event["SEQUENCE"] == 0
    assert event.decoded("DTSTART").date() == VISIT_DAY
    assert event.decoded("DTSTART").hour == 9
    assert event.decoded("DTEND").hour == 10
    attendees = {str(a).removeprefix("mailto:") for a in event["ATTENDEE"]}
    assert lio.people[Role.MENTOR].email in attendees
    assert lio.school.name in str(event["LOCATION"])


def test_the_mentor_is_told_for_information_only(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        schedule(lio)
    to_mentor = next(m for m in mail.outbox if m.to[0] == lio.people[Role.MENTOR].email)
    assert "not in the classroom" in to_mentor.body or "niet in de klas" in to_mentor.body
    event = _event(to_mentor)
    mentor = next(a for a in event["ATTENDEE"] if lio.people[Role.MENTOR].email in str(a))
    assert mentor.params["ROLE"] == "NON-PARTICIPANT"


def test_by_default_the_graduation_supervisor_assesses(lio: World) -> None:
    product_started(lio)
    assessment = schedule(lio)
    assert assessment.assessor == lio.people[Role.GRADUATION_SUPERVISOR]
    assert assessment.assessor_basis == "graduation_supervisor"


def test_outside_the_partnership_the_qualified_supervisor_advises(lio: World) -> None:
    lio.school.in_partnership = False
    lio.school.save()
    assessment = schedule(lio)
    assert assessment.co_assessor == lio.people[Role.QUALIFIED_SUPERVISOR]
    assert assessment.co_assessor_is_advisory


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 12, 21), "within the active LIO period"),
        (date(2026, 11, 3), "from today onwards"),
        (date(2026, 11, 19), "LIO days of the week"),
    ],
    ids=["after-the-period", "in-the-past", "not-an-lio-day"],
)
def test_the_day_must_be_a_coming_lio_day_of_the_active_period(
    lio: World, day: date, message: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        schedule(lio, date=day)
    assert message in _errors(exc)
    assert "date" in exc.value.message_dict
    assert not LessonAssessment.objects.exists()


def test_a_day_off_at_the_school_is_refused_with_its_reason(lio: World) -> None:
    CalendarOverrideFactory(
        institution=lio.institution,
        school_year=lio.school_year,
        school=lio.school,
        start_date=VISIT_DAY,
        end_date=VISIT_DAY,
        label="Studiedag team",
    )
    with pytest.raises(ValidationError) as exc:
        schedule(lio)
    assert "day off at the school: Studiedag team" in _errors(exc)


def test_the_lesson_ends_after_it_starts(lio: World) -> None:
    with pytest.raises(ValidationError) as exc:
        schedule(lio, start_time=time(10, 0), end_time=time(9, 30))
    assert "end_time" in exc.value.message_dict


def test_without_the_assigned_assessor_it_cannot_be_scheduled(lio: World) -> None:
    AssessorAssignment.objects.all().delete()
    with pytest.raises(ValidationError) as exc:
        schedule(lio)
    assert "assign an assessor" in _errors(exc)
    assert not LessonAssessment.objects.exists()


def test_without_a_co_assessor_it_cannot_be_scheduled(lio: World) -> None:
    lio.people[Role.SCHOOL_TEACHER_EDUCATOR].role_assignments.all().delete()
    with pytest.raises(ValidationError) as exc:
        schedule(lio)
    assert "school-based teacher educator" in _errors(exc)
    assert not LessonAssessment.objects.exists()


@pytest.mark.unaudited_writes
def test_only_an_active_lio_gets_a_visit(lio: World) -> None:
    Placement.objects.filter(pk=lio.placement.pk).update(status=Placement.Status.PLANNED)
    stage_follows(lio.placement)
    with pytest.raises(ValidationError) as exc:
        schedule(lio)
    assert "no active LIO period" in _errors(exc)


def test_one_open_visit_per_lio(lio: World) -> None:
    schedule(lio)
    with pytest.raises(ValidationError) as exc:
        schedule(lio, date=date(2026, 11, 18))
    assert "already planned" in _errors(exc)


def test_only_a_coordinator_of_the_institution_schedules(lio: World, other_world: World) -> None:
    with pytest.raises(PermissionDenied):
        lesson_assessment_schedule(
            placement=lio.placement, data=visit(), actor=other_world.people[Role.COORDINATOR]
        )


def test_the_student_proposes_and_the_coordinator_confirms(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        proposal = lesson_assessment_propose(
            student=lio.placement.student, data=visit(), actor=lio.people[Role.STUDENT]
        )
    assert proposal.status == LessonAssessment.Status.PROPOSED
    assert proposal.assessor == lio.people[Role.ASSESSOR]
    assert [m.to[0] for m in mail.outbox] == [lio.people[Role.COORDINATOR].email]
    assert not mail.outbox[0].attachments
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = lesson_assessment_confirm(
            assessment=proposal,
            data=visit(start_time=time(10, 30), end_time=time(11, 30)),
            actor=lio.people[Role.COORDINATOR],
        )
    assert confirmed.status == LessonAssessment.Status.SCHEDULED
    assert confirmed.start_time == time(10, 30)
    assert len(mail.outbox) == 4
    assert _event(mail.outbox[0]).decoded("DTSTART").hour == 10


def test_a_proposal_without_assessor_waits_for_the_coordinator(lio: World) -> None:
    AssessorAssignment.objects.all().delete()
    proposal = lesson_assessment_propose(
        student=lio.placement.student, data=visit(), actor=lio.people[Role.STUDENT]
    )
    assert proposal.assessor is None
    with pytest.raises(ValidationError):
        lesson_assessment_confirm(
            assessment=proposal, data=visit(), actor=lio.people[Role.COORDINATOR]
        )
    assessor_assign(
        student=lio.placement.student,
        assessor=lio.people[Role.ASSESSOR],
        actor=lio.people[Role.COORDINATOR],
    )
    confirmed = lesson_assessment_confirm(
        assessment=proposal, data=visit(), actor=lio.people[Role.COORDINATOR]
    )
    assert confirmed.assessor == lio.people[Role.ASSESSOR]


def test_moving_the_visit_updates_the_same_appointment(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = schedule(lio)
    with django_capture_on_commit_callbacks(execute=True):
        moved = lesson_assessment_reschedule(
            assessment=assessment,
            data=visit(date=date(2026, 11, 18)),
            actor=lio.people[Role.COORDINATOR],
        )
    assert moved.ics_sequence == 1
    assert len(mail.outbox) == 4
    event = _event(mail.outbox[0])
    assert str(event["UID"]) == f"lio-assessment-{assessment.pk}@lio-portal"
    assert event["SEQUENCE"] == 1
    assert event.decoded("DTSTART").date() == date(2026, 11, 18)


def test_moving_without_a_change_sends_nothing(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = schedule(lio)
    with django_capture_on_commit_callbacks(execute=True):
        same = lesson_assessment_reschedule(
            assessment=assessment, data=visit(), actor=lio.people[Role.COORDINATOR]
        )
    assert same.ics_sequence == 0
    assert mail.outbox == []


def test_a_co_assessor_who_no_longer_takes_part_gets_a_cancellation(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = schedule(lio)
    second = RoleAssignmentFactory(
        person=PersonFactory(institution=lio.institution, last_name="Aarts"),
        role=Role.SCHOOL_TEACHER_EDUCATOR,
        school=lio.school,
    ).person
    with django_capture_on_commit_callbacks(execute=True):
        lesson_assessment_reschedule(
            assessment=assessment,
            data=visit(co_assessor=second),
            actor=lio.people[Role.COORDINATOR],
        )
    old = lio.people[Role.SCHOOL_TEACHER_EDUCATOR].email
    to_old = [m for m in mail.outbox if m.to[0] == old]
    assert len(to_old) == 1
    assert _ics_of(to_old[0])["METHOD"] == "CANCEL"
    assert second.email in {m.to[0] for m in mail.outbox}


def test_cancelling_sends_a_cancel_with_a_higher_sequence(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    assessment = schedule(lio)
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = lesson_assessment_cancel(
            assessment=assessment, reason="De student is ziek.", actor=lio.people[Role.COORDINATOR]
        )
    assert cancelled.status == LessonAssessment.Status.CANCELLED
    assert len(mail.outbox) == 4
    calendar = _ics_of(mail.outbox[0])
    assert calendar["METHOD"] == "CANCEL"
    event = calendar.walk("VEVENT")[0]
    assert event["SEQUENCE"] == 1
    assert event["STATUS"] == "CANCELLED"
    # A new visit can be scheduled after a cancellation.
    assert schedule(lio, date=date(2026, 11, 24)).status == LessonAssessment.Status.SCHEDULED


def test_declining_a_proposal_tells_the_student(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    proposal = lesson_assessment_propose(
        student=lio.placement.student, data=visit(), actor=lio.people[Role.STUDENT]
    )
    with django_capture_on_commit_callbacks(execute=True):
        lesson_assessment_cancel(
            assessment=proposal, reason="Kies een andere dag.", actor=lio.people[Role.COORDINATOR]
        )
    assert [m.to[0] for m in mail.outbox] == [lio.people[Role.STUDENT].email]
    assert "Kies een andere dag." in mail.outbox[0].body


def test_a_visit_being_signed_cannot_be_cancelled(lio: World) -> None:
    assessment = filled_in(lio)
    with pytest.raises(ValidationError):
        lesson_assessment_cancel(
            assessment=assessment, reason="Te laat.", actor=lio.people[Role.COORDINATOR]
        )


def test_a_visit_with_the_mentor_in_the_classroom_is_cancelled_and_planned_again(
    lio: World,
) -> None:
    assessment = schedule(lio)
    with travel(VISIT_DAY, 11):
        lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(mentor_absent=False),
            actor=lio.people[Role.ASSESSOR],
        )
    cancelled = lesson_assessment_cancel(
        assessment=assessment,
        reason="De mentor bleef in de klas.",
        actor=lio.people[Role.COORDINATOR],
    )
    assert cancelled.status == LessonAssessment.Status.CANCELLED
    assert schedule(lio, date=date(2026, 11, 24)).status == LessonAssessment.Status.SCHEDULED


def test_cancelling_needs_a_reason(lio: World) -> None:
    assessment = schedule(lio)
    with pytest.raises(ValidationError):
        lesson_assessment_cancel(
            assessment=assessment, reason=" ", actor=lio.people[Role.COORDINATOR]
        )


def test_only_a_person_with_the_assessor_role_can_be_assigned(lio: World) -> None:
    with pytest.raises(ValidationError):
        assessor_assign(
            student=lio.placement.student,
            assessor=lio.people[Role.GRADUATION_SUPERVISOR],
            actor=lio.people[Role.COORDINATOR],
        )


def test_the_schedule_page_shows_the_rule_and_schedules(lio: World) -> None:
    client = client_for(lio.people[Role.COORDINATOR])
    url = reverse("assessments:schedule", args=[lio.placement.pk])
    page = client.get(url).content.decode()
    assert lio.people[Role.ASSESSOR].full_name in page
    assert "not started the professional product" in page
    response = client.post(
        url,
        {"date": "2026-11-17", "start_time": "09:00", "end_time": "10:00", "class_name": "7b"},
    )
    assessment = LessonAssessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("assessments:detail", args=[assessment.pk])
    assert assessment.class_name == "7b"


def test_the_schedule_page_keeps_what_was_typed_on_an_error(lio: World) -> None:
    client = client_for(lio.people[Role.COORDINATOR])
    response = client.post(
        reverse("assessments:schedule", args=[lio.placement.pk]),
        {"date": "2026-11-19", "start_time": "09:00", "end_time": "10:00", "class_name": "7b"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "LIO days of the week" in page
    assert 'value="7b"' in page
    assert not LessonAssessment.objects.exists()


def test_the_student_proposes_from_the_own_page(lio: World) -> None:
    client = client_for(lio.people[Role.STUDENT])
    response = client.post(
        reverse("assessments:mine"),
        {"date": "2026-11-17", "start_time": "09:00", "end_time": "10:00", "class_name": "7"},
    )
    assert response.status_code == 302
    assert LessonAssessment.objects.get().status == LessonAssessment.Status.PROPOSED


def test_the_coordinator_assigns_an_assessor_from_the_page(lio: World) -> None:
    AssessorAssignment.objects.all().delete()
    other = RoleAssignmentFactory(
        person=PersonFactory(institution=lio.institution), role=Role.ASSESSOR
    ).person
    client = client_for(lio.people[Role.COORDINATOR])
    response = client.post(
        reverse("assessments:assessor-assign", args=[lio.placement.pk]), {"assessor": other.pk}
    )
    assert response.status_code == 302
    assert AssessorAssignment.objects.get().assessor == other


def test_the_assessor_list_offers_only_this_institutions_assessors(
    lio: World, other_world: World
) -> None:
    client = client_for(lio.people[Role.COORDINATOR])
    response = client.post(
        reverse("assessments:assessor-assign", args=[lio.placement.pk]),
        {"assessor": other_world.people[Role.ASSESSOR].pk},
    )
    assert response.status_code == 200
    assert AssessorAssignment.objects.get().assessor == lio.people[Role.ASSESSOR]


def test_a_school_outside_the_partnership_elsewhere_does_not_lend_its_supervisor(
    lio: World,
) -> None:
    elsewhere = SchoolFactory(institution=lio.institution, in_partnership=False)
    RoleAssignmentFactory(
        person=PersonFactory(institution=lio.institution),
        role=Role.QUALIFIED_SUPERVISOR,
        school=elsewhere,
    )
    lio.school.in_partnership = False
    lio.school.save()
    assert schedule(lio).co_assessor == lio.people[Role.QUALIFIED_SUPERVISOR]
