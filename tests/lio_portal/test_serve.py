"""`make serve` (scripts/serve) for real: gunicorn and the task worker against PostgreSQL.

Runs only in `make test-postgres`, whose throwaway server's main database the script migrates.
How the script watches its two processes is tested with stand-ins in test_serve_script.py.
"""

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

from lio_portal.heartbeat import is_fresh

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="make serve runs against PostgreSQL",
    ),
]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Served:
    def __init__(self, tmp_path: Path) -> None:
        self.port = _free_port()
        self.heartbeat = tmp_path / "worker.heartbeat"
        self.log = (tmp_path / "serve.log").open("w")
        environment = {
            **os.environ,
            "DEBUG": "0",
            "SECRET_KEY": "serve-test-" + "x" * 50,
            "BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "1",
            "SECURE_SSL_REDIRECT": "0",
            "SECURE_COOKIES": "0",
            "WORKER_HEARTBEAT": str(self.heartbeat),
        }
        self.process = subprocess.Popen(  # noqa: S603 (our own script)
            [Path(settings.BASE_DIR) / "scripts" / "serve"],
            env=environment,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def get(self, path: str) -> tuple[int, bytes]:
        url = f"http://127.0.0.1:{self.port}{path}"
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def log_tail(self) -> str:
        self.log.flush()
        return "\n".join(Path(self.log.name).read_text().splitlines()[-30:])

    def wait_until_healthy(self) -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            assert self.process.poll() is None, "scripts/serve ended before serving"
            try:
                if self.get("/healthz")[0] == 200:
                    return
            except OSError:
                pass  # not listening yet
            time.sleep(0.5)
        raise AssertionError("no healthy /healthz within two minutes")

    def listening(self) -> bool:
        with socket.socket() as sock:
            return sock.connect_ex(("127.0.0.1", self.port)) == 0

    def child(self, name: str) -> int:
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children").read_text()
        for pid in children.split():
            if name in Path(f"/proc/{pid}/cmdline").read_text():
                return int(pid)
        raise AssertionError(f"no {name} process")


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    serve = Served(tmp_path)
    yield serve
    if serve.process.poll() is None:
        os.killpg(serve.process.pid, signal.SIGKILL)
        serve.process.wait()
    serve.log.close()


def test_it_serves_the_portal_and_stops_both_processes_on_sigterm(served: Served) -> None:
    served.wait_until_healthy()

    assert served.get("/healthz") == (200, b'{"status": "ok"}'), served.log_tail()
    status, page = served.get("/accounts/login/")
    assert status == 200, served.log_tail()
    assert b'name="password"' in page
    deadline = time.monotonic() + 30
    while not served.heartbeat.exists() and time.monotonic() < deadline:
        time.sleep(0.5)
    assert is_fresh(served.heartbeat, 60)
    assert {served.child("gunicorn"), served.child("task_worker")}

    served.process.send_signal(signal.SIGTERM)

    assert served.process.wait(timeout=30) == 0
    assert not served.listening()
