"""Due dates of the professional product's two phases (DOMAIN.md: phase I about 2 months,
phase II about 3 months; the lengths are set per programme). Pure functions of dates.

- Phase I is due its length after the start form was approved.
- Phase II is due its length after phase I closed, counted from the later of the acceptance
  date and phase I's due date: accepting the plan of approach early does not shorten the
  agreed schedule, accepting it late still leaves phase II its full length.
"""

import calendar
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class PhaseLengths:
    phase_1_months: int = 2
    phase_2_months: int = 3


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the last day of that month when it is shorter."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def phase_1_due(*, approved_on: date, lengths: PhaseLengths) -> date:
    return add_months(approved_on, lengths.phase_1_months)


def phase_2_start(
    *, approved_on: date, phase_1_accepted_on: date | None, lengths: PhaseLengths
) -> date:
    """When phase II counts from: phase I's due date, or its acceptance if that was later.
    Before phase I is accepted this is the planned start."""
    planned = phase_1_due(approved_on=approved_on, lengths=lengths)
    if phase_1_accepted_on is None:
        return planned
    return max(planned, phase_1_accepted_on)


def phase_2_due(
    *, approved_on: date, phase_1_accepted_on: date | None, lengths: PhaseLengths
) -> date:
    start = phase_2_start(
        approved_on=approved_on, phase_1_accepted_on=phase_1_accepted_on, lengths=lengths
    )
    return add_months(start, lengths.phase_2_months)


@dataclass(frozen=True)
class Schedule:
    """The due dates of a started product and whether each phase is late on `today`."""

    phase_1_due: date
    phase_2_due: date
    phase_1_accepted_on: date | None
    phase_2_accepted_on: date | None
    today: date

    @property
    def phase_2_planned(self) -> bool:
        """Phase II's due date is still a plan: phase I has not been accepted yet."""
        return self.phase_1_accepted_on is None

    @property
    def phase_1_overdue(self) -> bool:
        return self.phase_1_accepted_on is None and self.today > self.phase_1_due

    @property
    def phase_2_overdue(self) -> bool:
        return self.phase_2_accepted_on is None and self.today > self.phase_2_due


def schedule(
    *,
    approved_on: date,
    phase_1_accepted_on: date | None,
    phase_2_accepted_on: date | None,
    lengths: PhaseLengths,
    today: date,
) -> Schedule:
    return Schedule(
        phase_1_due=phase_1_due(approved_on=approved_on, lengths=lengths),
        phase_2_due=phase_2_due(
            approved_on=approved_on, phase_1_accepted_on=phase_1_accepted_on, lengths=lengths
        ),
        phase_1_accepted_on=phase_1_accepted_on,
        phase_2_accepted_on=phase_2_accepted_on,
        today=today,
    )
