"""Daily jobs: the management commands listed in `settings.DAILY_JOBS`, run in order once a day.

An app adds its job with one line in that list. `manage.py run_daily_jobs` runs them once (from
cron); `manage.py run_scheduler` runs them every day at `DAILY_JOBS_TIME` (the scheduler
container of docker-compose.yml).
"""

import logging
import time as clock
from datetime import datetime, time, timedelta
from io import StringIO
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

logger = logging.getLogger(__name__)


def daily_jobs_run() -> list[str]:
    """Run every registered job; one that fails is logged and the next still runs.

    Returns the names of the jobs that failed.
    """
    failed = []
    for name in settings.DAILY_JOBS:
        started = clock.monotonic()
        output = StringIO()
        try:
            call_command(name, stdout=output, stderr=output)
        except Exception:
            logger.exception("Daily job %s failed", name, extra=_fields(name, started))
            failed.append(name)
        else:
            summary = " ".join(output.getvalue().split())
            logger.info("Daily job %s done: %s", name, summary, extra=_fields(name, started))
    return failed


def _fields(name: str, started: float) -> dict[str, Any]:
    return {"job": name, "duration_ms": round((clock.monotonic() - started) * 1000, 1)}


def next_run_after(moment: datetime, at: time) -> datetime:
    """The first moment after `moment` at which the local clock (TIME_ZONE) shows `at`."""
    local = timezone.localtime(moment)
    candidate = local.replace(hour=at.hour, minute=at.minute, second=0, microsecond=0)
    if candidate <= local:
        # Wall-clock arithmetic: the same time tomorrow, also across a daylight-saving change.
        candidate += timedelta(days=1)
    return candidate


def scheduler_tick(*, next_run: datetime, at: time) -> datetime:
    """Run the jobs when `next_run` has come; return the (possibly new) next run."""
    if timezone.now() < next_run:
        return next_run
    daily_jobs_run()
    # The scheduler then sleeps for a day: hold no idle database connection meanwhile.
    connections.close_all()
    following = next_run_after(timezone.now(), at)
    logger.info("Next daily jobs at %s", following.isoformat())
    return following
