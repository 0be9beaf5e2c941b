"""`seed_demo --students N`: the workflows' records (observations, professional products,
assessment lessons) put every pipeline stage and every kind of "needs action" on the
dashboard, in realistic numbers, with signatures `verify_signatures` accepts."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Model
from django.utils import timezone

from assessments.models import CreditAward, LessonAssessment
from internships.actions import ActionScope, action_providers, collect_actions
from internships.demo_scale import ScaleBatch, seed_scale
from internships.demo_scale.people import STUDENT_PREFIX
from internships.models import Observation, Placement, StartApplication, Track
from internships.pipeline import PipelineStage, stage_of_rank
from internships.selectors_observations import short_observation_months
from portfolio.models import EvaluationForm, ProfessionalProduct
from signoffs.models import Signature, SignatureRequest
from signoffs.verification import signatures_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())


@pytest.fixture
def batches(demo: None) -> list[ScaleBatch]:
    return seed_scale(students=60, today=timezone.localdate())


def _scale_placements() -> object:
    return Placement.objects.filter(student__student_number__startswith=STUDENT_PREFIX)


def test_every_pipeline_stage_has_students(batches: list[ScaleBatch]) -> None:
    placements = _scale_placements().exclude(status=Placement.Status.CANCELLED)
    ranks = placements.values_list("stage_rank", flat=True)
    assert {stage_of_rank(r) for r in ranks} == set(PipelineStage) - {PipelineStage.NO_PLACEMENT}


def test_every_kind_of_needs_action_has_items(batches: list[ScaleBatch]) -> None:
    kinds: set[str] = set()
    for batch in batches:
        scope = ActionScope(
            institution=batch.institution, today=batch.reference, school_year=batch.school_year
        )
        kinds |= {item.kind for item in collect_actions(scope).items}
    assert kinds >= {provider.key for provider in action_providers()}


def test_short_observation_months_are_a_minority(demo: None) -> None:
    (batch,) = [
        b
        for b in seed_scale(students=400, today=timezone.localdate())
        if b.programme.track == Track.VL
    ]
    observed = {p.pk for p in batch.placements if p.status == Placement.Status.ACTIVE}
    short = short_observation_months(institution=batch.institution, today=batch.reference)
    short_placements = {s.placement.pk for s in short if s.placement.pk in observed}
    assert 0 < len(short_placements) < len(observed) / 4
    statuses = Observation.objects.filter(placement__in=observed).values_list("status", flat=True)
    assert set(statuses) == set(Observation.Status)
    assert Observation.objects.filter(placement__in=observed).count() > 4 * len(observed)


def test_assessment_lessons_follow_the_placements(batches: list[ScaleBatch]) -> None:
    assessments = LessonAssessment.objects.filter(
        placement__student__student_number__startswith=STUDENT_PREFIX
    )
    assert set(assessments.values_list("status", flat=True)) >= {
        LessonAssessment.Status.COMPLETED,
        LessonAssessment.Status.SIGNING,
        LessonAssessment.Status.SCHEDULED,
        LessonAssessment.Status.PROPOSED,
    }
    completed = assessments.filter(status=LessonAssessment.Status.COMPLETED)
    assert not completed.exclude(placement__status=Placement.Status.COMPLETED).exists()
    for assessment in completed:
        signatures = Signature.objects.filter(
            object_id=assessment.pk, content_type__model="lessonassessment"
        )
        assert {s.signer_id for s in signatures} == {
            assessment.assessor_id,
            assessment.co_assessor_id,
        }
        assert assessment.assessor_id != assessment.placement.mentor_id
    passed = completed.filter(result=LessonAssessment.Result.PASS)
    assert CreditAward.objects.filter(assessment__in=passed).count() == passed.count() > 0
    assert not assessments.filter(placement__student__programme__track=Track.VL).exists()


def test_verify_signatures_finds_no_mismatch(batches: list[ScaleBatch]) -> None:
    report = signatures_verify()
    kinds = set(Signature.objects.values_list("content_type__model", flat=True))
    assert {"observation", "lessonassessment", "evaluationform", "startapplication"} <= kinds
    acknowledged = Observation.objects.filter(status=Observation.Status.ACKNOWLEDGED)
    assert acknowledged.exclude(student_response="").exists()  # the mentor signed before those
    assert report.mismatches == []
    out = StringIO()
    call_command("verify_signatures", stdout=out)
    assert f"{report.checked} signature(s) checked, 0 mismatch(es)." in out.getvalue()


_WATCHED: list[tuple[type[Model], tuple[str, ...]]] = [
    (Placement, ("pk", "status", "start_date", "end_date")),
    (StartApplication, ("pk", "status")),
    (Observation, ("pk", "status", "updated_at")),
    (ProfessionalProduct, ("pk", "status", "updated_at")),
    (EvaluationForm, ("pk", "status", "updated_at")),
    (LessonAssessment, ("pk", "status", "updated_at")),
    (SignatureRequest, ("pk", "status", "acted_at")),
    (Signature, ("pk", "content_hash", "voided_at")),
]


def _snapshot() -> dict[str, set[tuple[object, ...]]]:
    return {
        model.__name__: set(model._default_manager.values_list(*fields))
        for model, fields in _WATCHED
    }


def test_running_it_again_adds_and_changes_nothing(batches: list[ScaleBatch]) -> None:
    before = _snapshot()
    seed_scale(students=60, today=timezone.localdate())
    after = _snapshot()
    for name, rows in before.items():
        assert rows < after[name], name
    assert signatures_verify().mismatches == []
