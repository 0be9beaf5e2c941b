"""The LIO assessment lesson in "needs action" and in the pipeline: a LIO in its last weeks
without a scheduled visit, a visit whose date passed without both signatures, and the stage
"assessed" once both assessors signed with a result."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessments.action_providers import ASSESSMENT_DUE_DAYS
from assessments.models import LessonAssessment
from internships.actions import ActionItem, ActionScope, collect_actions, summarize_actions
from internships.models import Placement, Role, StudentProfile
from internships.selectors_dashboard import coordinator_dashboard
from tests.conftest import World
from tests.factories import LessonAssessmentFactory, PlacementFactory, stage_follows

from .conftest import VISIT_DAY, filled_in, schedule

pytestmark = pytest.mark.django_db
END = date(2026, 12, 16)  # the end of the `lio` fixture's LIO
DUE = END - timedelta(days=ASSESSMENT_DUE_DAYS)


def _items(world: World, kind: str, today: date, **scope: object) -> list[ActionItem]:
    actions = collect_actions(
        ActionScope(institution=world.institution, today=today, **scope),  # type: ignore[arg-type]
        keys=[kind],
    )
    return actions.items


def test_a_lio_in_its_last_weeks_without_a_visit_needs_scheduling(lio: World) -> None:
    assert _items(lio, "assessments_to_schedule", DUE - timedelta(days=1)) == []
    [item] = _items(lio, "assessments_to_schedule", DUE)
    assert (item.actor, item.since, item.url_args) == (
        Role.COORDINATOR,
        DUE,
        (lio.placement.pk,),
    )


def test_a_students_proposal_is_not_a_scheduled_visit(lio: World) -> None:
    LessonAssessmentFactory(placement=lio.placement, status="proposed", date=END)
    assert len(_items(lio, "assessments_to_schedule", DUE)) == 1


def test_a_scheduled_visit_is_no_longer_to_schedule(lio: World) -> None:
    schedule(lio)
    assert _items(lio, "assessments_to_schedule", DUE) == []


def test_a_visit_whose_day_passed_waits_for_both_signatures(lio: World) -> None:
    assessment = schedule(lio)
    assert _items(lio, "assessments_unsigned", VISIT_DAY) == []
    [item] = _items(lio, "assessments_unsigned", VISIT_DAY + timedelta(days=1))
    assert (item.actor, item.since, item.url_args) == (
        Role.ASSESSOR,
        VISIT_DAY + timedelta(days=1),
        (assessment.pk,),
    )


def test_a_form_waiting_for_signatures_still_needs_them(lio: World) -> None:
    assessment = filled_in(lio)
    assert assessment.status == LessonAssessment.Status.SIGNING
    assert len(_items(lio, "assessments_unsigned", END)) == 1


def _complete(assessment: LessonAssessment) -> None:
    """Both assessors signed: the service's end state (status completed, with the result)."""
    assessment.status = LessonAssessment.Status.COMPLETED
    assessment.save()
    stage_follows(assessment.placement)


def test_both_signatures_end_the_need_and_the_placement_is_assessed(lio: World) -> None:
    _complete(filled_in(lio))
    assert _items(lio, "assessments_unsigned", END) == []
    assert _items(lio, "assessments_to_schedule", END) == []
    stages = coordinator_dashboard(
        institution=lio.institution,  # type: ignore[arg-type]
        school_year=lio.school_year,  # type: ignore[arg-type]
        today=END,
    ).stages
    counts = {s.stage.value: s.count for s in stages}
    assert (counts["assessed"], counts["active"]) == (1, 0)


def test_a_scheduled_visit_is_not_yet_assessed(lio: World) -> None:
    schedule(lio)
    stages = coordinator_dashboard(
        institution=lio.institution,  # type: ignore[arg-type]
        school_year=lio.school_year,  # type: ignore[arg-type]
        today=END,
    ).stages
    assert {s.stage.value: s.count for s in stages}["assessed"] == 0


def test_only_the_scopes_students_and_never_another_institution(
    lio: World, other_world: World
) -> None:
    schedule(lio)
    later = VISIT_DAY + timedelta(days=1)
    others = StudentProfile.objects.exclude(pk=lio.placement.student_id)
    assert _items(lio, "assessments_unsigned", later, students=others) == []
    assert _items(lio, "assessments_to_schedule", DUE, students=others) == []
    mine = StudentProfile.objects.filter(pk=lio.placement.student_id)
    assert len(_items(lio, "assessments_unsigned", later, students=mine)) == 1
    assert _items(other_world, "assessments_unsigned", later) == []
    assert _items(other_world, "assessments_to_schedule", DUE) == []


def _add_due(world: World, count: int) -> None:
    """`count` more LIOs ending soon, each with a visit whose day has passed unsigned, and
    as many without a visit."""
    for _n in range(count):
        for with_visit in (True, False):
            placement = PlacementFactory(
                student__institution=world.institution,
                school=world.school,
                school_year=world.school_year,
                status=Placement.Status.ACTIVE,
                start_date=date(2026, 11, 2),
                end_date=END,
            )
            if with_visit:
                LessonAssessmentFactory(
                    placement=placement,
                    assessor=world.people[Role.ASSESSOR],
                    co_assessor=world.people[Role.SCHOOL_TEACHER_EDUCATOR],
                )


def _queries(world: World) -> tuple[int, dict[str, int]]:
    scope = ActionScope(institution=world.institution, today=END, school_year=world.school_year)  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as queries:
        actions = summarize_actions(scope, limit=20)
    return len(queries), {p.key: n for p, n in actions.counts}


def test_the_queries_do_not_grow_with_the_students(lio: World) -> None:
    _add_due(lio, 1)
    few, counts = _queries(lio)
    assert (counts["assessments_unsigned"], counts["assessments_to_schedule"]) == (1, 2)
    _add_due(lio, 6)
    many, counts = _queries(lio)
    assert (counts["assessments_unsigned"], counts["assessments_to_schedule"]) == (7, 8)
    assert few == many
