from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from assessments.demo import seed_demo_assessments
from internships.demo import DEMO_PASSWORD, seed_demo
from internships.demo_applications import seed_demo_applications
from internships.demo_days import seed_demo_days
from internships.demo_guidance import seed_demo_guidance
from internships.demo_scale import seed_scale
from portfolio.demo import seed_portfolio


class Command(BaseCommand):
    help = "Create or refresh the demo institutions, people and placements (idempotent)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even though DEBUG is off (never on a production database).",
        )
        parser.add_argument(
            "--students",
            type=int,
            default=0,
            metavar="N",
            help="Also add N students with records in every stage (for load tests).",
        )

    def handle(self, *args: Any, force: bool, **options: Any) -> None:
        if not settings.DEBUG and not force:
            raise CommandError(
                "seed_demo creates accounts with a known password; it refuses to run with "
                "DEBUG off. Add --force if this really is a demo installation."
            )
        with transaction.atomic():
            logins = seed_demo()
            seed_portfolio()
            seed_demo_days(today=timezone.localdate())
            seed_demo_applications(today=timezone.localdate())
            seed_demo_guidance(today=timezone.localdate())
            seed_demo_assessments(today=timezone.localdate())
        if options["students"] > 0:
            with transaction.atomic():
                seed_scale(students=options["students"], today=timezone.localdate())
            self.stdout.write(f"Added {options['students']} students (seed_demo --students).")
        for role, email in logins:
            self.stdout.write(f"LOGIN {role} {email} {DEMO_PASSWORD}")
