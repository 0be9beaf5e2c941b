"""Run one moment many times: 8 threads, each with its own database connection, released
together by a barrier at the start of every round.

The main thread prepares each round (`before_round`) while the workers wait, so a round's
target is ready before the eight attempts start at the same moment.
"""

import threading
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

THREADS = 8
ROUNDS = 50
DONE = "done"
REFUSED = "refused"

Work = Callable[[int, int], object]  # (round, thread number) -> anything


def _attempt(work: Work, round_: int, number: int) -> str:
    try:
        work(round_, number)
    except (ValidationError, PermissionDenied):
        return REFUSED
    except Exception as exc:  # a deadlock or an integrity error is a finding, not a crash
        return f"error {type(exc).__name__}: {exc}"
    return DONE


def race(
    work: Work,
    *,
    rounds: int = ROUNDS,
    threads: int = THREADS,
    before_round: Callable[[int], object] | None = None,
) -> list[list[str]]:
    """Outcomes per round and thread: DONE, REFUSED (a ValidationError), or the error."""
    start = threading.Barrier(threads + 1, timeout=120)
    finish = threading.Barrier(threads + 1, timeout=120)
    outcomes = [[""] * threads for _round in range(rounds)]

    def worker(number: int) -> None:
        try:
            for round_ in range(rounds):
                start.wait()
                outcomes[round_][number] = _attempt(work, round_, number)
                finish.wait()
        finally:
            connection.close()

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in workers:
        thread.start()
    try:
        for round_ in range(rounds):
            if before_round is not None:
                before_round(round_)
            start.wait()
            finish.wait()
    except BaseException:
        start.abort()
        finish.abort()
        raise
    finally:
        for thread in workers:
            thread.join()
    return outcomes


def winners(outcomes: list[list[str]]) -> list[int]:
    """How many attempts succeeded in each round; any error fails the calling test."""
    errors = [o for round_ in outcomes for o in round_ if o not in (DONE, REFUSED)]
    assert not errors, errors[:3]
    return [round_.count(DONE) for round_ in outcomes]
