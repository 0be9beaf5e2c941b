"""The student's private calendar feed: a secret URL that a calendar app subscribes to."""

import logging
import secrets

from django.db import transaction

from ..models import StudentProfile

logger = logging.getLogger(__name__)

_TOKEN_BYTES = 32


@transaction.atomic
def calendar_feed_renew(*, student: StudentProfile) -> str:
    """Give the student a new, unguessable feed address; the old address stops working."""
    student.calendar_feed_token = secrets.token_urlsafe(_TOKEN_BYTES)
    student.save(update_fields=["calendar_feed_token"])
    logger.info("Calendar feed of student %s renewed", student.pk)
    return student.calendar_feed_token


@transaction.atomic
def calendar_feed_revoke(*, student: StudentProfile) -> None:
    """Switch the feed off: its address answers 404 from now on."""
    student.calendar_feed_token = None
    student.save(update_fields=["calendar_feed_token"])
    logger.info("Calendar feed of student %s revoked", student.pk)
