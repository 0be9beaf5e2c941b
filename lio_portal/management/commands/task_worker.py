from pathlib import Path
from typing import Any

from django.core.management.base import CommandParser
from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from lio_portal.heartbeat import Heartbeat


class Command(DbWorkerCommand):
    help = (
        "The background worker (django-tasks' db_worker) with a heartbeat file for health "
        "checks: it is touched after the worker's queries, so a fresh file means the worker "
        "is polling the queue and reaches the database."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        super().add_arguments(parser)
        parser.add_argument("--heartbeat", type=Path, help="File to touch while working.")

    def handle(self, *args: Any, heartbeat: Path | None = None, **options: Any) -> None:
        if heartbeat is None:
            super().handle(*args, **options)
            return
        # The autoreloader would run the worker in another thread, with its own connection.
        options["reload"] = False
        with connection.execute_wrapper(Heartbeat(heartbeat)):
            super().handle(*args, **options)
