from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from internships.services.observation_reminders import observation_reminders_send


class Command(BaseCommand):
    help = (
        "Track VL observation cadence: mail mentors whose current month ends short soon, and "
        "coordinators about months that closed short (each once per month per placement). "
        "Run daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = observation_reminders_send(today=timezone.localdate())
        self.stdout.write(
            f"{counts.mentors} mentor reminder(s), {counts.coordinators} coordinator mail(s) "
            f"about {len(counts.short_months)} short month(s)."
        )
