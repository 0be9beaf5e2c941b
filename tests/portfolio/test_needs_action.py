"""The practice supervisor's evaluation form of the professional product in "needs action":
listed from the moment it is sent until it is signed, for the scope's students only."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from internships.actions import ActionItem, ActionScope, collect_actions, summarize_actions
from internships.models import Role, StudentProfile
from portfolio.models import EvaluationForm
from tests.conftest import World
from tests.factories import EvaluationFormFactory, ProfessionalProductFactory

from .products import delivered, sign_evaluation

pytestmark = pytest.mark.django_db


def _items(world: World, **scope: object) -> list[ActionItem]:
    actions = collect_actions(
        ActionScope(institution=world.institution, today=timezone.localdate(), **scope),  # type: ignore[arg-type]
        keys=["evaluation_forms"],
    )
    return actions.items


def test_a_sent_evaluation_form_waits_for_the_practice_supervisor(world: World) -> None:
    assert _items(world) == []
    product = delivered(world)
    form = EvaluationForm.objects.get(product=product)
    [item] = _items(world)
    supervisor = world.people[Role.PRACTICE_SUPERVISOR]
    assert (item.actor, item.student_id, item.url_args) == (
        Role.PRACTICE_SUPERVISOR,
        world.placement.student_id,
        (world.placement.student_id,),
    )
    assert item.since == timezone.localdate(form.created_at)
    assert supervisor.full_name in item.text  # type: ignore[attr-defined]


def test_the_signed_form_needs_nothing(world: World) -> None:
    product = delivered(world)
    sign_evaluation(world, product)
    assert _items(world) == []


def test_only_the_scopes_students_and_never_another_institution(
    world: World, other_world: World
) -> None:
    delivered(world)
    others = StudentProfile.objects.exclude(pk=world.placement.student_id)
    assert _items(world, students=others) == []
    mine = StudentProfile.objects.filter(pk=world.placement.student_id)
    assert len(_items(world, students=mine)) == 1
    assert _items(other_world) == []


def _open_forms(world: World, count: int) -> None:
    for _n in range(count):
        product = ProfessionalProductFactory(student__institution=world.institution)
        EvaluationFormFactory(
            product=product, practice_supervisor=world.people[Role.PRACTICE_SUPERVISOR]
        )


def _summary(world: World) -> tuple[int, int]:
    scope = ActionScope(institution=world.institution, today=date(2026, 11, 25))  # type: ignore[arg-type]
    with CaptureQueriesContext(connection) as queries:
        actions = summarize_actions(scope, limit=20)
    return len(queries), {p.key: n for p, n in actions.counts}["evaluation_forms"]


def test_the_queries_do_not_grow_with_the_forms(world: World) -> None:
    _open_forms(world, 1)
    _summary(world)  # warm: the content types are cached after the first use
    few, one = _summary(world)
    _open_forms(world, 5)
    many, six = _summary(world)
    assert (one, six) == (1, 6)
    assert few == many
