"""Daily jobs: registered commands run in order, a failure does not stop the others."""

from datetime import datetime, time
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command, get_commands
from django.core.management.base import CommandError
from pytest_django import Settings

from lio_portal import daily_jobs
from lio_portal.daily_jobs import next_run_after, scheduler_tick

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SEVEN = time(7, 0)


def test_every_registered_job_is_a_command() -> None:
    assert settings.DAILY_JOBS
    assert set(settings.DAILY_JOBS) <= set(get_commands())


@pytest.mark.django_db
def test_the_jobs_run_in_order_and_report_their_outcome(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.DAILY_JOBS = ["send_signature_reminders", "check"]
    caplog.set_level("INFO", logger="lio_portal.daily_jobs")

    call_command("run_daily_jobs")

    done = [r for r in caplog.records if r.name == "lio_portal.daily_jobs"]
    assert [r.job for r in done] == ["send_signature_reminders", "check"]  # type: ignore[attr-defined]
    assert done[0].getMessage() == "Daily job send_signature_reminders done: 0 reminder(s) sent."
    assert all(r.levelname == "INFO" and r.duration_ms >= 0 for r in done)  # type: ignore[attr-defined]


@pytest.mark.django_db
def test_a_failing_job_does_not_stop_the_next_but_fails_the_run(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    settings.DAILY_JOBS = ["send_signature_reminders", "check"]
    broken = mock.patch(
        "signoffs.management.commands.send_signature_reminders.signature_reminders_send",
        side_effect=RuntimeError("mail server down"),
    )

    with broken, pytest.raises(CommandError, match="1 of 2 daily jobs failed: send_sig"):
        call_command("run_daily_jobs")

    outcomes = [(r.job, r.levelname) for r in caplog.records if hasattr(r, "job")]
    assert outcomes == [("send_signature_reminders", "ERROR"), ("check", "INFO")]
    assert caplog.records[0].exc_info is not None


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (datetime(2026, 5, 4, 6, 59, tzinfo=AMSTERDAM), datetime(2026, 5, 4, 7, 0)),
        (datetime(2026, 5, 4, 7, 0, tzinfo=AMSTERDAM), datetime(2026, 5, 5, 7, 0)),
        (datetime(2026, 5, 4, 23, 30, tzinfo=AMSTERDAM), datetime(2026, 5, 5, 7, 0)),
        # Summer time starts on 29 March 2026: still 07:00 on the clock.
        (datetime(2026, 3, 28, 8, 0, tzinfo=AMSTERDAM), datetime(2026, 3, 29, 7, 0)),
    ],
)
def test_the_next_run_is_the_next_time_the_local_clock_shows_the_time(
    now: datetime, expected: datetime
) -> None:
    next_run = next_run_after(now.astimezone(ZoneInfo("UTC")), SEVEN)

    assert next_run.replace(tzinfo=None) == expected
    assert next_run.utcoffset() == expected.replace(tzinfo=AMSTERDAM).utcoffset()


def test_the_scheduler_waits_until_the_time_has_come() -> None:
    next_run = datetime(2026, 5, 4, 7, 0, tzinfo=AMSTERDAM)
    with (
        time_machine.travel(datetime(2026, 5, 4, 6, 59, tzinfo=AMSTERDAM), tick=False),
        mock.patch.object(daily_jobs, "daily_jobs_run") as run,
    ):
        assert scheduler_tick(next_run=next_run, at=SEVEN) == next_run
    run.assert_not_called()


@pytest.mark.django_db
def test_the_scheduler_runs_the_jobs_once_and_plans_the_next_day() -> None:
    next_run = datetime(2026, 5, 4, 7, 0, tzinfo=AMSTERDAM)
    with (
        time_machine.travel(datetime(2026, 5, 4, 7, 0, 20, tzinfo=AMSTERDAM), tick=False),
        mock.patch.object(daily_jobs, "daily_jobs_run", return_value=[]) as run,
    ):
        following = scheduler_tick(next_run=next_run, at=SEVEN)

    run.assert_called_once_with()
    assert following == datetime(2026, 5, 5, 7, 0, tzinfo=AMSTERDAM)


class _Stop(Exception):
    pass


@pytest.mark.django_db
def test_the_scheduler_keeps_its_heartbeat_fresh(tmp_path: Path) -> None:
    heartbeat = tmp_path / "scheduler.heartbeat"
    with (
        mock.patch("lio_portal.management.commands.run_scheduler.clock.sleep", side_effect=_Stop),
        pytest.raises(_Stop),
    ):
        call_command("run_scheduler", "--at", "07:00", "--heartbeat", str(heartbeat))

    assert heartbeat.exists()


def test_the_scheduler_refuses_a_malformed_time() -> None:
    with pytest.raises(CommandError, match="HH:MM"):
        call_command("run_scheduler", "--at", "7 o'clock")
