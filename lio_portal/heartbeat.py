"""Heartbeat files for the health checks of the processes that serve no HTTP.

The task worker and the daily-jobs scheduler touch a file while they do their work; their
container's health check asks whether it is fresh:

    python -m lio_portal.heartbeat /tmp/worker.heartbeat 120

(exit status 0 when the file was touched in the last 120 seconds, 1 otherwise). This module
imports nothing from Django, so the check starts in a fraction of a second.
"""

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Heartbeat:
    """Touch `path`, at most once every `every` seconds.

    An instance is also a database execute wrapper (`connection.execute_wrapper(heartbeat)`):
    then it beats after each successful query, proving the process reaches the database.
    """

    def __init__(self, path: Path, every: float = 10.0) -> None:
        self.path = path
        self.every = every
        self._last = -every

    def beat(self) -> None:
        now = time.monotonic()
        if now - self._last >= self.every:
            self.path.touch()
            self._last = now

    def __call__(
        self, execute: Callable[..., Any], sql: str, params: Any, many: bool, context: Any
    ) -> Any:
        result = execute(sql, params, many, context)
        self.beat()
        return result


def is_fresh(path: Path, max_age: float) -> bool:
    """True when `path` exists and was touched less than `max_age` seconds ago."""
    try:
        return time.time() - path.stat().st_mtime < max_age
    except FileNotFoundError:
        return False


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m lio_portal.heartbeat FILE MAX_AGE_SECONDS", file=sys.stderr)
        return 2
    return 0 if is_fresh(Path(argv[0]), float(argv[1])) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
