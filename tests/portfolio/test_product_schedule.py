"""Due dates of the professional product's phases (DOMAIN.md: about 2 and 3 months, set per
programme): pure functions, and the schedule a product shows on a frozen day."""

from datetime import date

import pytest
import time_machine
from django.utils import timezone

from internships.models import Role
from portfolio.models import ProductSettings, ProductStatus
from portfolio.product_schedule import (
    PhaseLengths,
    add_months,
    phase_1_due,
    phase_2_due,
    schedule,
)
from portfolio.selectors_product import phase_lengths, product_schedule
from tests.conftest import World
from tests.factories import ProfessionalProductFactory
from tests.portfolio.conftest import student_of

DEFAULT = PhaseLengths()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 9, 15), 2, date(2026, 11, 15)),
        (date(2026, 11, 30), 3, date(2027, 2, 28)),  # February is shorter
        (date(2027, 12, 31), 2, date(2028, 2, 29)),  # leap year
        (date(2026, 10, 31), 1, date(2026, 11, 30)),
        (date(2026, 12, 1), 1, date(2027, 1, 1)),  # across the year
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last_of_a_shorter_month(
    day: date, months: int, expected: date
) -> None:
    assert add_months(day, months) == expected


def test_the_default_lengths_are_two_and_three_months() -> None:
    assert PhaseLengths(phase_1_months=2, phase_2_months=3) == DEFAULT


def test_phase_1_is_due_its_length_after_approval() -> None:
    assert phase_1_due(approved_on=date(2026, 9, 1), lengths=DEFAULT) == date(2026, 11, 1)
    assert phase_1_due(approved_on=date(2026, 9, 1), lengths=PhaseLengths(3, 3)) == date(
        2026, 12, 1
    )


def test_before_phase_1_is_accepted_phase_2_is_planned_from_phase_1s_due_date() -> None:
    due = phase_2_due(approved_on=date(2026, 9, 1), phase_1_accepted_on=None, lengths=DEFAULT)
    assert due == date(2027, 2, 1)


def test_accepting_phase_1_early_does_not_shorten_phase_2() -> None:
    due = phase_2_due(
        approved_on=date(2026, 9, 1), phase_1_accepted_on=date(2026, 10, 10), lengths=DEFAULT
    )
    assert due == date(2027, 2, 1)


def test_accepting_phase_1_late_still_gives_phase_2_its_full_length() -> None:
    due = phase_2_due(
        approved_on=date(2026, 9, 1), phase_1_accepted_on=date(2026, 12, 15), lengths=DEFAULT
    )
    assert due == date(2027, 3, 15)


def test_a_phase_is_late_after_its_due_date_until_it_is_accepted() -> None:
    plan = schedule(
        approved_on=date(2026, 9, 1),
        phase_1_accepted_on=None,
        phase_2_accepted_on=None,
        lengths=DEFAULT,
        today=date(2026, 11, 1),
    )
    assert not plan.phase_1_overdue  # due today: not late yet
    assert plan.phase_2_planned
    late = schedule(
        approved_on=date(2026, 9, 1),
        phase_1_accepted_on=None,
        phase_2_accepted_on=None,
        lengths=DEFAULT,
        today=date(2026, 11, 2),
    )
    assert late.phase_1_overdue
    accepted = schedule(
        approved_on=date(2026, 9, 1),
        phase_1_accepted_on=date(2026, 11, 20),
        phase_2_accepted_on=None,
        lengths=DEFAULT,
        today=date(2026, 12, 1),
    )
    assert not accepted.phase_1_overdue
    assert not accepted.phase_2_planned
    assert accepted.phase_2_due == date(2027, 2, 20)


def test_the_programme_sets_the_phase_lengths(world: World) -> None:
    student = student_of(world)
    assert phase_lengths(student.programme) == DEFAULT
    ProductSettings.objects.create(programme=student.programme, phase_1_months=1, phase_2_months=4)
    student.programme.refresh_from_db()
    assert phase_lengths(student.programme) == PhaseLengths(1, 4)


@time_machine.travel(date(2026, 12, 15), tick=False)
def test_a_product_shows_its_due_dates_on_a_frozen_day(world: World) -> None:
    product = ProfessionalProductFactory(
        student=student_of(world),
        status=ProductStatus.PHASE_1,
        approved_on=date(2026, 10, 1),
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
    )
    plan = product_schedule(product)
    assert plan is not None
    assert timezone.localdate() == date(2026, 12, 15)
    assert plan.phase_1_due == date(2026, 12, 1)
    assert plan.phase_1_overdue
    assert plan.phase_2_due == date(2027, 3, 1)


def test_a_product_without_approval_has_no_schedule(world: World) -> None:
    assert product_schedule(ProfessionalProductFactory(student=student_of(world))) is None
