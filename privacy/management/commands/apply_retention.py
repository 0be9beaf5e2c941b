from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from privacy.retention import retention_apply


class Command(BaseCommand):
    help = (
        "Delete the files and anonymise the personal fields of students whose placements all "
        "ended more than RETENTION_YEARS ago, and of staff with no role left in a retained "
        "placement; the statistics stay. Safe to run every day (a daily job)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; change nothing."
        )

    def handle(self, *args: Any, dry_run: bool, **options: Any) -> None:
        report = retention_apply(
            today=timezone.localdate(), years=settings.RETENTION_YEARS, dry_run=dry_run
        )
        prefix = "Would anonymise" if dry_run else "Anonymised"
        self.stdout.write(
            f"{prefix}: {report.students} students past retention (placements ended before "
            f"{report.cutoff.isoformat()}), {report.people} people, {report.files} files, "
            f"{sum(report.rows.values())} records, {report.history_rows} historical rows."
        )
        for name, count in sorted(report.rows.items()):
            if count:
                self.stdout.write(f"  {name}: {count}")
