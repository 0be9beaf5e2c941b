"""Daily cadence mails (track VL): the mentor before a month ends short, the coordinators
after a month closed short. Each at most once per month per placement.

Rule (DOMAIN.md "Track VL rules"): a month with fewer than two observations is flagged to the
mentor and the coordinator. "Few school days left" is `FEW_SCHOOL_DAYS_LEFT` (see
internships/observation_cadence.py).
"""

from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse

from lio_portal.mail import mail_send

from ..models import Institution, ObservationReminder, Person, Placement
from ..observation_cadence import MonthRow, MonthStatus, month_start
from ..selectors_observations import cadence_placements, coordinators_of, month_strips
from .mentor_links import mentor_link_issue

Kind = ObservationReminder.Kind


@dataclass
class ReminderCounts:
    mentors: int = 0
    coordinators: int = 0
    short_months: list[tuple[Placement, MonthRow]] = field(default_factory=list)


def observation_reminders_send(*, today: date) -> ReminderCounts:
    """Send the due cadence mails of every institution; returns how many were sent."""
    counts = ReminderCounts()
    for institution in Institution.objects.all():
        placements = list(cadence_placements(institution=institution))
        strips = month_strips(placements=placements, today=today)
        newly_short = []
        for placement in placements:
            for row in strips.get(placement.pk, []):
                if row.ends_short_soon and row.month == month_start(today):
                    counts.mentors += _mentor_reminder(placement, row)
                elif row.status == MonthStatus.SHORT and _claim(
                    placement, row.month, Kind.COORDINATOR_MONTH_SHORT
                ):
                    newly_short.append((placement, row))
        if newly_short:
            counts.coordinators += _coordinator_digest(institution, newly_short)
            counts.short_months += newly_short
    return counts


def _claim(placement: Placement, month: date, kind: str) -> bool:
    """Record that the mail of (placement, month, kind) goes out; False if it already went."""
    try:
        with transaction.atomic():
            ObservationReminder.objects.create(placement=placement, month=month, kind=kind)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def _mentor_reminder(placement: Placement, row: MonthRow) -> int:
    mentor = placement.mentor
    if mentor is None or not _claim(placement, row.month, Kind.MENTOR_MONTH_ENDING):
        return 0
    if mentor.user_id:
        url = settings.SITE_URL + reverse("internships:placement-observations", args=[placement.pk])
    else:
        url = mentor_link_issue(placement=placement, mentor=mentor)
    mail_send(
        template="internships/email/observations_month_ending",
        recipient=mentor,
        context={"placement": placement, "row": row, "url": url},
    )
    return 1


@transaction.atomic
def _coordinator_digest(institution: Institution, short: list[tuple[Placement, MonthRow]]) -> int:
    coordinators: list[Person] = list(coordinators_of(institution_id=institution.pk))
    url = settings.SITE_URL + reverse("internships:short-months")
    for coordinator in coordinators:
        mail_send(
            template="internships/email/observations_months_short",
            recipient=coordinator,
            context={"short": short, "url": url},
        )
    return len(coordinators)
