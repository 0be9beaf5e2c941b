"""`seed_demo --students N`: N more students, with records in every stage."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from internships import demo_scale
from internships.demo_scale import register_bulk_seeder, seed_scale
from internships.demo_scale.people import STUDENT_PREFIX
from internships.models import LioDay, Placement, StartApplication, StudentProfile, Track
from internships.pipeline import PipelineStage, stage_of_rank
from internships.services.start_applications import start_application_content
from portfolio.models import AssignmentWork, ProfileSketch, WorkVersion
from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())


def _scale_students() -> object:
    return StudentProfile.objects.filter(student_number__startswith=STUDENT_PREFIX)


def test_it_adds_students_over_both_institutions_in_every_stage(demo: None) -> None:
    call_command("seed_demo", students=200, stdout=StringIO())
    students = _scale_students()
    assert students.count() == 200
    per_track = {t: students.filter(programme__track=t).count() for t in (Track.NL, Track.VL)}
    assert per_track == {Track.NL: 100, Track.VL: 100}
    placements = Placement.objects.filter(student__in=students).exclude(status="cancelled")
    stages = {stage_of_rank(r) for r in placements.values_list("stage_rank", flat=True)}
    assert stages >= set(PipelineStage) - {PipelineStage.NO_PLACEMENT, PipelineStage.ASSESSED}
    assert students.exclude(placements__isnull=False).exists()  # and some without a placement


def test_its_records_are_realistic(demo: None) -> None:
    seed_scale(students=200, today=timezone.localdate())
    students = _scale_students()
    applications = StartApplication.objects.filter(placement__student__in=students)
    assert set(applications.values_list("status", flat=True)) == set(StartApplication.Status)
    kind = ContentType.objects.get_for_model(StartApplication)
    confirmed = applications.filter(status=StartApplication.Status.CONFIRMED).first()
    signatures = Signature.objects.filter(content_type=kind, object_id=confirmed.pk)
    assert signatures.count() == 3
    assert {s.content_hash for s in signatures} == {
        content_hash(start_application_content(confirmed))
    }
    assert SignatureRequest.objects.filter(
        content_type=kind, status=SignatureRequest.Status.PENDING
    ).exists()
    days = LioDay.objects.filter(placement__student__in=students)
    assert days.exists() and days.filter(confirmed_at__isnull=True).exists()
    assert all(day.placement.student.programme.track == Track.NL for day in days[:20])
    assert AssignmentWork.objects.filter(student__in=students).exists()
    assert WorkVersion.objects.filter(work__student__in=students).exists()
    assert ProfileSketch.objects.filter(student__in=students).exists()


def test_running_it_again_adds_more(demo: None) -> None:
    seed_scale(students=10, today=timezone.localdate())
    seed_scale(students=10, today=timezone.localdate())
    numbers = list(_scale_students().values_list("institution", "student_number"))
    assert len(numbers) == len(set(numbers)) == 20


def test_other_workflows_add_their_records_through_the_hook(demo: None) -> None:
    seen = []
    register_bulk_seeder(seen.append)
    try:
        seed_scale(students=6, today=timezone.localdate())
    finally:
        demo_scale._SEEDERS.remove(seen.append)
    assert sum(len(batch.students) for batch in seen) == 6
    assert {batch.institution.country for batch in seen} == {"NL", "BE"}
