"""The demo data: idempotent, every role has a login, refuses to run on production settings."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from internships.models import Institution, Person, Placement, Role, StudentProfile, Track

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _development_settings(settings: object) -> None:
    settings.DEBUG = True  # type: ignore[attr-defined]


def _seed(**kwargs: object) -> list[tuple[str, str, str]]:
    out = StringIO()
    call_command("seed_demo", stdout=out, **kwargs)
    return [
        tuple(line.split()[1:]) for line in out.getvalue().splitlines() if line.startswith("LOGIN ")
    ]


def test_it_creates_both_tracks_and_a_login_for_every_role() -> None:
    logins = _seed()
    assert {role for role, _email, _password in logins} >= set(Role.values)
    assert set(Institution.objects.values_list("country", flat=True)) == {"NL", "BE"}
    tracks = set(StudentProfile.objects.values_list("programme__track", flat=True))
    assert tracks == {Track.NL, Track.VL}
    assert 18 <= StudentProfile.objects.count() <= 25
    assert len(set(Placement.objects.values_list("status", flat=True))) >= 3
    for _role, email, password in logins:
        assert Client().login(username=email, password=password), email


def test_it_is_idempotent() -> None:
    first = _seed()
    counts = (Person.objects.count(), Placement.objects.count(), StudentProfile.objects.count())
    second = _seed()
    assert first == second
    assert counts == (
        Person.objects.count(),
        Placement.objects.count(),
        StudentProfile.objects.count(),
    )


def test_active_dutch_placements_have_a_planned_period() -> None:
    _seed()
    active = Placement.objects.filter(
        status=Placement.Status.ACTIVE, student__programme__track=Track.NL
    )
    assert active.exists()
    for placement in active:
        assert placement.start_date and placement.end_date and len(placement.weekdays) >= 3


def test_it_refuses_with_debug_off_unless_forced(settings: object) -> None:
    settings.DEBUG = False  # type: ignore[attr-defined]
    with pytest.raises(CommandError):
        _seed()
    assert _seed(force=True)


def test_demo_start_applications_cover_every_stage() -> None:
    from internships.models import EntryRequirement, StartApplication

    _seed()
    statuses = set(StartApplication.objects.values_list("status", flat=True))
    assert {"confirmed", "submitted", "returned"} <= statuses
    levi = StudentProfile.objects.get(student_number="NL-500110")
    assert not levi.entry_requirements.filter(kind=EntryRequirement.Kind.MAIN_PHASE).exists()
    _seed()
    assert StartApplication.objects.filter(status="submitted").count() == 1
