"""scripts/serve watches gunicorn and the task worker: stop both together, never one alone.

The script runs from a copy of the project holding only it and stand-ins for `python` and
`gunicorn` in `.venv/bin` (which the script puts first on PATH): `manage.py` steps succeed at
once, gunicorn and the worker sleep until killed and write their process ids.
"""

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

STAND_IN = """#!/usr/bin/env bash
case "$*" in
  *task_worker*) echo $$ > "$PIDS/worker" ;;
  *manage.py*) exit 0 ;;
  *) echo $$ > "$PIDS/gunicorn" ;;
esac
exec sleep 600
"""


class Script:
    def __init__(self, root: Path) -> None:
        (root / "scripts").mkdir()
        shutil.copy(Path(settings.BASE_DIR) / "scripts" / "serve", root / "scripts" / "serve")
        bin_dir = root / ".venv" / "bin"
        bin_dir.mkdir(parents=True)
        for name in ("python", "gunicorn"):
            (bin_dir / name).write_text(STAND_IN)
            (bin_dir / name).chmod(0o755)
        self.pids = root / "pids"
        self.pids.mkdir()
        self.process = subprocess.Popen(  # noqa: S603 (a copy of our own script)
            [root / "scripts" / "serve"],
            env={**os.environ, "PIDS": str(self.pids), "DATABASE_URL": "postgres://x/y"},
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def pid(self, name: str) -> int:
        deadline = time.monotonic() + 10
        while not (self.pids / name).exists() or not (self.pids / name).read_text():
            assert time.monotonic() < deadline, f"{name} did not start"
            time.sleep(0.05)
        return int((self.pids / name).read_text())


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def script(tmp_path: Path) -> Iterator[Script]:
    started = Script(tmp_path)
    yield started
    if started.process.poll() is None:
        os.killpg(started.process.pid, signal.SIGKILL)
        started.process.wait()


def test_sigterm_stops_both_and_exits_cleanly(script: Script) -> None:
    web, worker = script.pid("gunicorn"), script.pid("worker")

    script.process.send_signal(signal.SIGTERM)

    assert script.process.wait(timeout=10) == 0
    assert not _alive(web)
    assert not _alive(worker)


@pytest.mark.parametrize(("dies", "survivor"), [("worker", "gunicorn"), ("gunicorn", "worker")])
def test_when_one_process_dies_the_other_is_stopped(
    script: Script, dies: str, survivor: str
) -> None:
    other = script.pid(survivor)

    os.kill(script.pid(dies), signal.SIGKILL)

    assert script.process.wait(timeout=10) != 0
    assert not _alive(other)


def test_it_needs_a_database_url(tmp_path: Path) -> None:
    serve = Path(settings.BASE_DIR) / "scripts" / "serve"
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}

    result = subprocess.run(  # noqa: S603 (our own script)
        [serve], env=environment, capture_output=True, text=True, timeout=10, check=False
    )

    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
