from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lio_portal.daily_jobs import daily_jobs_run


class Command(BaseCommand):
    help = (
        "Run the daily jobs (settings.DAILY_JOBS) once, in order; exit with an error when one "
        "failed. Run it once a day from cron, or let run_scheduler do that."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        failed = daily_jobs_run()
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(settings.DAILY_JOBS)} daily jobs failed: "
                f"{', '.join(failed)}"
            )
