"""The LIO days logged so far by the track-NL students of a scale batch.

Planned days before the reference day are logged (now and then a school trip or a study
day, which count); a third of the active students has not logged their last one to three
days yet, and the mentor has confirmed the days older than a week for most students.
"""

from datetime import datetime, time, timedelta
from random import Random

from django.utils import timezone

from ..models import LioDay, Placement
from ..services.lio_days import placement_day_counters_refresh
from .batch import ScaleBatch

_ACTIVE_OR_DONE = (Placement.Status.ACTIVE, Placement.Status.COMPLETED)


def seed_days(batch: ScaleBatch, rng: Random) -> None:
    days: list[LioDay] = []
    for placement in batch.placements:
        plan = getattr(placement, "_scale_plan", None)
        if plan is not None and placement.status in _ACTIVE_OR_DONE:
            days += _days(placement, plan.counted_days, batch, rng)
    LioDay.objects.bulk_create(days, batch_size=2000)
    placement_day_counters_refresh(
        placements=Placement.objects.filter(pk__in=[p.pk for p in batch.placements])
    )


def _days(placement: Placement, planned: list, batch: ScaleBatch, rng: Random) -> list[LioDay]:
    past = [day for day in planned if day < batch.reference]
    if placement.status == Placement.Status.ACTIVE and rng.random() < 0.33:
        past = past[: max(0, len(past) - rng.randint(1, 3))]
    mentor_is_quick = rng.random() < 0.8
    confirm_before = batch.reference - timedelta(days=7)
    days = []
    for day in past:
        kind = rng.choices(
            [LioDay.Kind.LESSON, LioDay.Kind.SCHOOL_TRIP, LioDay.Kind.STUDY_DAY], [20, 1, 1]
        )[0]
        confirmed = mentor_is_quick and day < confirm_before
        days.append(
            LioDay(
                placement=placement,
                date=day,
                kind=kind,
                confirmed_at=(
                    timezone.make_aware(datetime.combine(day + timedelta(days=4), time(16)))
                    if confirmed
                    else None
                ),
                confirmed_by=placement.mentor if confirmed else None,
            )
        )
    return days
