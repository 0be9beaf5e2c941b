from typing import Any

from django.core.management.base import BaseCommand

from signoffs.services import signature_reminders_send


class Command(BaseCommand):
    help = "Remind signers who have not acted yet (run daily, e.g. from cron)."

    def handle(self, *args: Any, **options: Any) -> None:
        sent = signature_reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
