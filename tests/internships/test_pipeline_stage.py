"""The pipeline stage kept on each placement (internships.pipeline, services/pipeline.py).

The services' own tests show the stage following each step of the start application and
the assessment; tests/pipeline_guard.py checks at the end of every test that no placement
has a stale stage. Here: the check itself, the admin, and a registered "assessed" source.
"""

from datetime import date

import pytest
from django.contrib import admin
from django.test import RequestFactory

from assessments.models import LessonAssessment
from internships.models import Placement, Role
from internships.pipeline import RANK_OF, PipelineStage, stage_of_rank
from tests.conftest import World
from tests.factories import LessonAssessmentFactory, stage_follows
from tests.pipeline_guard import stale_stages

pytestmark = pytest.mark.django_db


def _stage(placement: Placement) -> PipelineStage:
    placement.refresh_from_db()
    return stage_of_rank(placement.stage_rank)


def test_a_status_changed_behind_the_services_is_reported_until_refreshed(world: World) -> None:
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.save()
    assert stale_stages() == [
        (placement.pk, RANK_OF[PipelineStage.APPLICATION], RANK_OF[PipelineStage.ACTIVE])
    ]
    stage_follows(placement)
    assert stale_stages() == []
    assert _stage(placement) == PipelineStage.ACTIVE


def test_a_status_changed_in_the_admin_moves_the_stage(world: World, admin_user: object) -> None:
    placement = world.placement
    placement.status = Placement.Status.COMPLETED
    request = RequestFactory().post("/")
    request.user = admin_user
    admin.site._registry[Placement].save_model(request, placement, form=None, change=True)
    assert _stage(placement) == PipelineStage.COMPLETED


def test_an_assessment_completed_or_deleted_in_the_admin_moves_the_stage(
    world: World, admin_user: object
) -> None:
    placement = world.placement
    placement.status = Placement.Status.COMPLETED
    placement.save()
    stage_follows(placement)
    assessment = LessonAssessmentFactory(
        placement=placement,
        assessor=world.people[Role.ASSESSOR],
        co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
        date=date(2026, 11, 17),
    )
    model_admin = admin.site._registry[LessonAssessment]
    request = RequestFactory().post("/")
    request.user = admin_user
    assessment.status = LessonAssessment.Status.COMPLETED
    assessment.result = LessonAssessment.Result.PASS
    model_admin.save_model(request, assessment, form=None, change=True)
    assert _stage(placement) == PipelineStage.ASSESSED
    model_admin.delete_model(request, assessment)
    assert _stage(placement) == PipelineStage.COMPLETED
