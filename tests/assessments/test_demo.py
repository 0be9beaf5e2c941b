"""The demo assessment lessons: every stage, coherent signatures, idempotent."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from assessments.models import AssessorAssignment, CreditAward, LessonAssessment
from signoffs.models import Signature
from signoffs.services import document_hash

pytestmark = pytest.mark.django_db


@pytest.fixture
def seeded(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())


def _of(number: str) -> LessonAssessment:
    return LessonAssessment.objects.get(placement__student__student_number=number)


def test_the_demo_has_a_visit_in_every_stage(seeded: None) -> None:
    scheduled = _of("NL-500103")
    assert scheduled.status == LessonAssessment.Status.SCHEDULED
    assert scheduled.preparation.original_name.endswith(".pdf")
    assert scheduled.assessor_basis == "graduation_supervisor"
    proposed = _of("NL-500104")
    assert proposed.status == LessonAssessment.Status.PROPOSED
    assert proposed.co_assessor_basis == "qualified_supervisor"
    completed = _of("NL-500106")
    assert (completed.status, completed.result) == ("completed", "pass")
    credits = CreditAward.objects.get(assessment=completed)
    assert credits.credits == 9
    assert AssessorAssignment.objects.filter(
        student__student_number="NL-500105", assessor__email="p.vandijk@pabo-zuidwest.example"
    ).exists()


def test_the_completed_demo_signatures_cover_its_content(seeded: None) -> None:
    completed = _of("NL-500106")
    signatures = Signature.objects.filter(
        content_type=ContentType.objects.get_for_model(LessonAssessment), object_id=completed.pk
    )
    assert signatures.count() == 2
    assert {s.content_hash for s in signatures} == {document_hash(completed)}


def test_seeding_again_adds_nothing(seeded: None) -> None:
    counts = (LessonAssessment.objects.count(), Signature.objects.count())
    call_command("seed_demo", stdout=StringIO())
    assert counts == (LessonAssessment.objects.count(), Signature.objects.count())
