import logging
import time as clock
from contextlib import nullcontext
from datetime import time
from pathlib import Path
from typing import Any, NoReturn

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.utils import timezone

from lio_portal.daily_jobs import next_run_after, scheduler_tick
from lio_portal.heartbeat import Heartbeat

logger = logging.getLogger("lio_portal.daily_jobs")

_POLL_SECONDS = 30


class Command(BaseCommand):
    help = (
        "Run the daily jobs every day at DAILY_JOBS_TIME (local time), forever. A job missed "
        "while the scheduler was down is not caught up: it runs at the next daily time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--at", default=settings.DAILY_JOBS_TIME, help="HH:MM, local time (TIME_ZONE)."
        )
        parser.add_argument(
            "--heartbeat",
            type=Path,
            help="File touched while the scheduler runs, for a health check.",
        )

    def handle(self, *args: Any, at: str, heartbeat: Path | None, **options: Any) -> NoReturn:
        try:
            daily_time = time.fromisoformat(at)
        except ValueError as exc:
            raise CommandError(f"--at must be HH:MM, not {at!r}.") from exc
        beat = Heartbeat(heartbeat) if heartbeat else None
        next_run = next_run_after(timezone.now(), daily_time)
        logger.info("Scheduler started; daily jobs next at %s", next_run.isoformat())
        # The heartbeat goes on during a long job too: each of its queries is a beat.
        with connection.execute_wrapper(beat) if beat else nullcontext():
            while True:
                if beat:
                    beat.beat()
                next_run = scheduler_tick(next_run=next_run, at=daily_time)
                clock.sleep(_POLL_SECONDS)
