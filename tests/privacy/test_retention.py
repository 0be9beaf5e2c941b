"""Retention: RETENTION_YEARS after the end of a student's placements their files go and their
personal fields are anonymised; the statistics stay the same (with a frozen clock)."""

from datetime import date, datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Count, Sum

from assessments.models import CreditAward, LessonAssessment
from internships.models import LioDay, Observation, Person, Placement, Role
from portfolio.models import PartAssessment, SketchAssessment
from privacy.models import Anonymisation
from privacy.registry import sections
from privacy.retention import retention_apply
from signoffs.models import Signature
from tests.factories import PersonFactory, RoleAssignmentFactory, StudentProfileFactory

from .records import SECRET, student_with_records

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
ENDED = date(2020, 6, 30)  # 7 years later: 2027-06-30 is the last day of retention
LAST_DAY = datetime(2027, 6, 30, 12, tzinfo=AMSTERDAM)
DAY_AFTER = datetime(2027, 7, 1, 7, tzinfo=AMSTERDAM)


@pytest.fixture
def expired(world):
    student = StudentProfileFactory(
        institution=world.institution, programme=world.placement.student.programme
    )
    return student_with_records(world, student=student, copies=2, ends=ENDED)


@pytest.fixture
def retained(world):
    return student_with_records(world, student=world.placement.student)


def _statistics() -> dict[str, object]:
    """What the institution counts after the years: placements, results, credits, days."""
    return {
        "placements": list(
            Placement.objects.values("school_year", "school", "status")
            .annotate(n=Count("pk"))
            .order_by("school_year", "school", "status")
        ),
        "lessons": list(
            LessonAssessment.objects.values_list("result")
            .annotate(n=Count("pk"))
            .order_by("result")
        ),
        "credits": CreditAward.objects.aggregate(ec=Sum("credits")),
        # In a fixed order: the default orders follow the student's name, which retention changes.
        "parts": list(
            PartAssessment.objects.values_list("part", "result", "credits").order_by("pk")
        ),
        "sketches": list(SketchAssessment.objects.values_list("result", flat=True).order_by("pk")),
        "days": list(
            LioDay.objects.values("placement", "kind").annotate(n=Count("pk")).order_by("placement")
        ),
    }


def _texts_of(records) -> list[str]:
    """Every free text and file of every section that belongs to the student."""
    found = []
    for section in sections():
        if section.owner is None:
            continue
        rows = section.model._default_manager.filter(section.owner([records.student.pk]))
        names = [*section.free_text, *([section.file_field] if section.file_field else [])]
        for values in rows.values_list(*names) if names else []:
            found += [str(value) for value in values if value not in ("", "-", None, {}, [])]
    return found


def _stored_files(records) -> list[str]:
    return [
        getattr(row, section.file_field).name
        for section in sections()
        if section.owner is not None and section.file_field
        for row in section.model._default_manager.filter(section.owner([records.student.pk]))
        if getattr(row, section.file_field)
    ]


def test_on_the_last_day_of_retention_nothing_changes(expired, retained) -> None:
    texts, files = _texts_of(expired), _stored_files(expired)
    with time_machine.travel(LAST_DAY, tick=False):
        call_command("apply_retention", stdout=StringIO())
    person = Person.objects.get(pk=expired.student.person.pk)
    assert person.last_name == expired.student.person.last_name
    assert _texts_of(expired) == texts and any(SECRET in text for text in texts)
    assert _stored_files(expired) == files and len(files) == 13
    assert not Anonymisation.objects.exists()


def test_the_day_after_the_student_is_anonymised_and_the_files_are_gone(
    expired, retained, django_capture_on_commit_callbacks
) -> None:
    from django.core.files.storage import default_storage

    files = _stored_files(expired)
    assert all(default_storage.exists(name) for name in files)
    before = _statistics()
    with (
        time_machine.travel(DAY_AFTER, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        call_command("apply_retention", stdout=StringIO())
    person = Person.objects.select_related("user", "student_profile").get(
        pk=expired.student.person.pk
    )
    assert expired.student.person.last_name not in person.full_name
    assert person.email.endswith("@anonymised.invalid") and person.phone == ""
    assert person.user is None
    assert person.student_profile.student_number.startswith("anon-")
    assert _texts_of(expired) == []
    assert not any(default_storage.exists(name) for name in files)
    assert _statistics() == before
    assert not Signature.objects.filter(
        object_id__in=[p.start_application.pk for p in expired.placements], voided_at=None
    ).exists()


def test_the_other_student_and_the_staff_in_a_retained_placement_are_kept(
    expired, retained
) -> None:
    texts = _texts_of(retained)
    with time_machine.travel(DAY_AFTER, tick=False):
        call_command("apply_retention", stdout=StringIO())
    assert _texts_of(retained) == texts
    assert not Anonymisation.objects.exclude(person=expired.student.person).exists()
    mentor = Person.objects.get(pk=retained.staff[Role.MENTOR].pk)
    assert mentor.email == retained.staff[Role.MENTOR].email


def test_staff_with_no_role_left_in_a_retained_placement_are_anonymised(world, expired) -> None:
    old_mentor = PersonFactory(institution=world.institution, first_name="Oud", phone="0612")
    RoleAssignmentFactory(person=old_mentor, role=Role.MENTOR, school=world.school)
    for placement in expired.placements:
        placement.mentor = old_mentor
        placement.save()
        for observation in placement.observations.all():
            observation.observer = old_mentor
            observation.save()
    with time_machine.travel(DAY_AFTER, tick=False):
        retention_apply(today=date(2027, 7, 1), years=7)
    old_mentor.refresh_from_db()
    assert old_mentor.first_name == "Anon" and old_mentor.phone == ""
    coordinator = Person.objects.get(pk=world.people[Role.COORDINATOR].pk)
    assert not hasattr(coordinator, "anonymisation")


def test_it_is_idempotent_and_a_dry_run_changes_nothing(expired) -> None:
    # The student, and the school teacher educator and practice supervisor, whose only roles
    # are in this student's records (the mentor and director also have the world's placement).
    texts = _texts_of(expired)
    dry = retention_apply(today=date(2027, 7, 1), years=7, dry_run=True)
    assert (dry.students, dry.people, dry.files) == (1, 3, 13)
    assert _texts_of(expired) == texts and not Anonymisation.objects.exists()
    first = retention_apply(today=date(2027, 7, 1), years=7)
    assert (first.people, first.files) == (3, 13)
    anonymised = set(Anonymisation.objects.values_list("person", flat=True))
    staff = expired.staff
    assert anonymised == {
        expired.student.person.pk,
        staff[Role.SCHOOL_TEACHER_EDUCATOR].pk,
        staff[Role.PRACTICE_SUPERVISOR].pk,
    }
    again = retention_apply(today=date(2027, 7, 1), years=7)
    assert (again.people, again.files, sum(again.rows.values())) == (0, 0, 0)


def test_the_dry_run_command_says_what_would_happen(expired) -> None:
    output = StringIO()
    with time_machine.travel(DAY_AFTER, tick=False):
        call_command("apply_retention", "--dry-run", stdout=output)
    assert "Would anonymise: 1 students" in output.getvalue()
    assert Person.objects.get(pk=expired.student.person.pk).email == expired.student.person.email


def test_the_history_of_anonymised_records_is_purged(expired, retained) -> None:
    history = Observation.history.model  # type: ignore[attr-defined]
    mine = history.objects.filter(placement__student=expired.student)
    assert mine.exists()
    kept = history.objects.filter(placement__student=retained.student).count()
    person_history = Person.history.model.objects.filter(id=expired.student.person.pk)  # type: ignore[attr-defined]
    assert person_history.exists()
    retention_apply(today=date(2027, 7, 1), years=7)
    assert not history.objects.filter(
        id__in=[o.pk for o in Observation.objects.filter(placement__student=expired.student)]
    ).exists()
    assert history.objects.filter(placement__student=retained.student).count() == kept
    assert not person_history.exists()
