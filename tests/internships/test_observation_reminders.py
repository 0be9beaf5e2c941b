"""The daily cadence mails: the mentor before a month ends short, coordinators after."""

from collections.abc import Callable
from datetime import date
from io import StringIO
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command

from internships.models import ObservationReminder, Role
from tests.conftest import World
from tests.factories import PersonFactory, RoleAssignmentFactory
from tests.internships.support_days import frozen_today
from tests.internships.support_guidance import signed, vl_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def vl() -> World:
    world = vl_world()
    for month in (9, 10):
        signed(world.placement, date(2026, month, 8))
        signed(world.placement, date(2026, month, 15))
    return world


@pytest.fixture
def run(django_capture_on_commit_callbacks: Callable[..., Any]) -> Callable[[date], list]:
    """Run the daily command on `day`; the (recipient, subject) of the mails it sent."""

    def _run(day: date) -> list:
        mail.outbox.clear()
        with frozen_today(day), django_capture_on_commit_callbacks(execute=True):
            call_command("send_observation_reminders", stdout=StringIO())
        return [(message.to[0], message.subject) for message in mail.outbox]

    return _run


def test_the_mentor_is_reminded_once_when_few_school_days_are_left(
    vl: World, run: Callable[[date], list]
) -> None:
    mentor = vl.people[Role.MENTOR]
    signed(vl.placement, date(2026, 11, 9))
    assert run(date(2026, 11, 16)) == []  # 11 school days left: not yet
    sent = run(date(2026, 11, 24))  # 5 school days left (24–30 November)
    assert [to for to, _subject in sent] == [mentor.email]
    assert "/placements/" in mail.outbox[0].body  # a mentor with an account: the portal page
    assert run(date(2026, 11, 25)) == []  # once per month
    assert ObservationReminder.objects.filter(kind="mentor").count() == 1


def test_a_mentor_without_account_gets_a_personal_link(
    vl: World, run: Callable[[date], list]
) -> None:
    mentor = vl.people[Role.MENTOR]
    mentor.user = None
    mentor.save()
    run(date(2026, 11, 26))
    assert "/mentor/" in mail.outbox[0].body


def test_a_month_that_is_met_sends_nothing(vl: World, run: Callable[[date], list]) -> None:
    signed(vl.placement, date(2026, 11, 9))
    signed(vl.placement, date(2026, 11, 10))
    assert run(date(2026, 11, 26)) == []


def test_coordinators_hear_once_about_a_month_that_closed_short(
    vl: World, run: Callable[[date], list]
) -> None:
    second = PersonFactory(institution=vl.institution)
    RoleAssignmentFactory(person=second, role=Role.COORDINATOR)
    signed(vl.placement, date(2026, 11, 9))  # November closes with one observation
    sent = run(date(2026, 12, 1))
    coordinators = {vl.people[Role.COORDINATOR].email, second.email}
    assert {to for to, _subject in sent} == coordinators
    assert vl.placement.student.person.full_name in mail.outbox[0].body
    assert run(date(2026, 12, 2)) == []
    assert ObservationReminder.objects.filter(kind="coordinator").count() == 1


def test_met_months_and_other_institutions_are_not_reported(
    vl: World, run: Callable[[date], list]
) -> None:
    other = vl_world()  # another institution with a short September and October
    sent = run(date(2026, 11, 2))  # autumn break: November has school days left later on
    recipients = {to for to, _subject in sent}
    assert vl.people[Role.COORDINATOR].email not in recipients
    assert recipients == {other.people[Role.COORDINATOR].email}
