"""The LIO day log (track NL): the student logs each day, the mentor confirms a week at once.

Rules (seed 002, DOMAIN.md "Track NL rules"): the days are the student's weekly pattern
within the planned period; free days (holidays, the coordinator's overrides) are not LIO days;
a day the mentor confirmed is locked for the student.
"""

import logging
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, IntegerField, Max, Min, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from ..lio_days import COUNTING_KINDS
from ..models import LioDay, Person, Placement, Responsibility, StudentProfile
from ..selectors_days import LOGGABLE_STATUSES, day_log_for, days_per_placement, has_day_log
from .action_dates import placement_action_dates_refresh

logger = logging.getLogger(__name__)


@transaction.atomic
def lio_day_record(
    *,
    placement: Placement,
    student: StudentProfile,
    day: date,
    kind: str,
    responsibilities: Iterable[str] = (),
    note: str = "",
    today: date,
) -> LioDay:
    """Log (or change) what the student did on one LIO day.

    Refused when: the placement is not the student's, or not an active track-NL LIO; the day is
    in the future, before the start, not one of the weekly days, a free day or after the
    projected end; the mentor has already confirmed it.
    """
    if placement.student_id != student.pk:
        raise PermissionDenied
    if not has_day_log(placement) or placement.status != Placement.Status.ACTIVE:
        raise ValidationError(_("Days can only be logged while the LIO is active."))
    # One writer per placement at a time, so that the recount below sees every other write.
    Placement.objects.select_for_update().filter(pk=placement.pk).values_list("pk").get()
    existing = LioDay.objects.select_for_update().filter(placement=placement, date=day).first()
    if existing and existing.is_confirmed:
        raise ValidationError(
            _("Your mentor has confirmed this day; it can no longer be changed."),
            code="locked",
        )
    _check_day(placement=placement, day=day, today=today)
    lio_day = existing or LioDay(placement=placement, date=day)
    lio_day.kind = kind
    lio_day.responsibilities = sorted(set(responsibilities))
    lio_day.note = note.strip()
    lio_day.full_clean()
    if any(r not in Responsibility.values for r in lio_day.responsibilities):
        raise ValidationError(_("Choose responsibilities from the list."))
    lio_day.save()
    placement_day_counters_refresh(placements=Placement.objects.filter(pk=placement.pk))
    logger.info("LIO day %s of placement %s logged as %s", day, placement.pk, kind)
    return lio_day


def _check_day(*, placement: Placement, day: date, today: date) -> None:
    """The day must be a planned LIO day that has come (see the service's docstring)."""
    shown = date_format(day, "l j F Y")
    if day > today:
        raise ValidationError(_("You cannot log a day in the future."), code="future")
    if placement.start_date and day < placement.start_date:
        raise ValidationError(_("%(day)s is before the start of your LIO.") % {"day": shown})
    if day.weekday() not in placement.weekdays:
        raise ValidationError(_("%(day)s is not one of your LIO days.") % {"day": shown})
    log = day_log_for(placement=placement, today=today)
    free = log.free_days.get(day)
    if free is not None:
        raise ValidationError(
            _(
                "%(day)s is a day off (%(reason)s). If the school was open, ask your "
                "coordinator to correct the school calendar."
            )
            % {"day": shown, "reason": free.reason},
            code="free_day",
        )
    logged = {lio_day.date for lio_day in log.days}
    plan = log.progress.plan
    if plan and day not in logged and day > plan.end_date:
        raise ValidationError(
            _("%(day)s is after the projected end of your LIO (%(end)s).")
            % {"day": shown, "end": date_format(plan.end_date, "j F Y")},
            code="after_end",
        )


@transaction.atomic
def lio_days_confirm_week(
    *, placement: Placement, mentor: Person, monday: date, now: datetime
) -> int:
    """The placement's mentor confirms every logged, unconfirmed day of one week at once.

    Confirmed days are locked for the student. Only the mentor named on the placement may
    confirm. Returns the number of days confirmed.
    """
    if placement.mentor_id is None or placement.mentor_id != mentor.pk:
        raise PermissionDenied
    if placement.status not in LOGGABLE_STATUSES:
        raise ValidationError(_("Only days of a LIO that has started can be confirmed."))
    monday -= timedelta(days=monday.weekday())
    days = LioDay.objects.select_for_update().filter(
        placement=placement,
        date__range=(monday, monday + timedelta(days=6)),
        confirmed_at__isnull=True,
    )
    count = 0
    for day in days:  # one save per day, so that each confirmation is in the day's history
        day.confirmed_at = now
        day.confirmed_by = mentor
        day.save(update_fields=["confirmed_at", "confirmed_by"])
        count += 1
    if count == 0:
        raise ValidationError(_("There are no logged days to confirm in this week."))
    placement_day_counters_refresh(placements=Placement.objects.filter(pk=placement.pk))
    logger.info("Mentor %s confirmed %s days of placement %s", mentor.pk, count, placement.pk)
    return count


def placement_day_counters_refresh(*, placements: QuerySet[Placement]) -> int:
    """Recount the day-log counters of `placements` from their days, in one UPDATE.

    Rule: `days_logged`, `days_counting` (days of a kind that counts, COUNTING_KINDS),
    `last_logged_day` and `first_open_day` (the oldest day the mentor has not confirmed)
    always equal the placement's day log; every write of LIO days, and every confirmation,
    calls this (the services here, the admin, the demo seeds). The day from which the log
    is behind follows (`internships.services.action_dates`). Returns the number of
    placements updated.
    """
    days = LioDay.objects.all()
    zero = Value(0, output_field=IntegerField())
    updated = placements.order_by().update(
        days_logged=Coalesce(days_per_placement(days, Count("pk")), zero),
        days_counting=Coalesce(
            days_per_placement(days.filter(kind__in=COUNTING_KINDS), Count("pk")), zero
        ),
        last_logged_day=days_per_placement(days, Max("date")),
        first_open_day=days_per_placement(days.filter(confirmed_at__isnull=True), Min("date")),
    )
    placement_action_dates_refresh(placements=placements)
    return updated
