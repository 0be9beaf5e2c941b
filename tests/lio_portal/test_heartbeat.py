"""Heartbeat files: the health checks of the task worker and the scheduler."""

import os
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from pytest_django import Settings

from lio_portal.heartbeat import Heartbeat, is_fresh, main


def test_a_missing_or_stale_file_is_not_fresh(tmp_path: Path) -> None:
    path = tmp_path / "worker.heartbeat"
    assert not is_fresh(path, 60)

    path.touch()
    assert is_fresh(path, 60)

    an_hour_ago = time.time() - 3600
    os.utime(path, (an_hour_ago, an_hour_ago))
    assert not is_fresh(path, 60)


def test_the_check_exits_zero_only_when_fresh(tmp_path: Path) -> None:
    path = tmp_path / "worker.heartbeat"
    assert main([str(path), "60"]) == 1
    path.touch()
    assert main([str(path), "60"]) == 0
    assert main([str(path)]) == 2


def test_a_heartbeat_touches_the_file_at_most_once_per_interval(tmp_path: Path) -> None:
    path = tmp_path / "beat"
    heartbeat = Heartbeat(path, every=3600)
    heartbeat.beat()
    path.unlink()

    heartbeat.beat()

    assert not path.exists()


@pytest.mark.django_db(transaction=True)
def test_the_task_worker_beats_while_polling_the_queue(settings: Settings, tmp_path: Path) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    path = tmp_path / "worker.heartbeat"

    call_command(
        "task_worker", "--batch", "--no-startup-delay", "--heartbeat", str(path), verbosity=0
    )

    assert is_fresh(path, 60)
