"""Demo LIO day logs (track NL): partly logged, an absence, weeks confirmed by the mentor.

Everything is placed relative to the placement's start and to today, so the demo stays
sensible whenever it is loaded: only days before today are logged, the last planned days
before today stay unlogged, and the mentor has confirmed the weeks before the latest one.
Running it again updates the same days instead of adding new ones.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .lio_days import counted_days
from .models import LioDay, Placement, Responsibility
from .planning import LIO_DAYS
from .selectors_calendar import school_free_days
from .selectors_days import LOGGABLE_STATUSES
from .services.lio_days import placement_day_counters_refresh

_ONE_DAY = timedelta(days=1)
_Kind = LioDay.Kind
_R = Responsibility


@dataclass(frozen=True)
class _DaySpec:
    kind: str = _Kind.LESSON
    responsibilities: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class _Scenario:
    student_number: str
    days: dict[int, _DaySpec] = field(default_factory=dict)  # n-th LIO day (from 0) -> spec
    unlogged: int = 0  # the last planned days before today left unlogged
    mentor_confirms: bool = True


_SCENARIOS = [
    _Scenario(
        "NL-500101",  # Emma de Boer: an absence, a school trip, two days not logged yet
        {
            1: _DaySpec(responsibilities=(_R.PARENT_MEETING,), note="Tienminutengesprekken."),
            2: _DaySpec(responsibilities=(_R.STAFF_MEETING,), note="Teamvergadering rekenbeleid."),
            4: _DaySpec(_Kind.ABSENT_ILL),
            5: _DaySpec(_Kind.SCHOOL_TRIP, note="Excursie naar het Maritiem Museum."),
            6: _DaySpec(responsibilities=(_R.PUPIL_TRACKING,)),
        },
        unlogged=2,
    ),
    _Scenario(
        "NL-500102",  # Daan Vermeulen: almost done, with a study day that counts
        {
            3: _DaySpec(responsibilities=(_R.PARENT_MEETING,)),
            10: _DaySpec(_Kind.STUDY_DAY, note="Studiedag over begrijpend lezen."),
            15: _DaySpec(responsibilities=(_R.PUPIL_TRACKING, _R.STAFF_MEETING)),
        },
    ),
    _Scenario("NL-500106", {7: _DaySpec(_Kind.SCHOOL_TRIP)}),  # Milan Brouwer: completed
    _Scenario("NL-500107", {12: _DaySpec(_Kind.STUDY_DAY)}),  # Tess Kuipers: completed
    _Scenario("NL-500103", {2: _DaySpec(_Kind.ABSENT_OTHER)}, unlogged=1, mentor_confirms=False),
    _Scenario("NL-500104", {}, unlogged=1, mentor_confirms=False),
    _Scenario(
        "NL-500105",
        {6: _DaySpec(responsibilities=(_R.PARENT_MEETING,))},
        unlogged=1,
        mentor_confirms=False,
    ),
]


def seed_demo_days(*, today: date) -> None:
    """Log the demo students' LIO days up to (not including) `today`."""
    for scenario in _SCENARIOS:
        placement = (
            Placement.objects.filter(
                student__student_number=scenario.student_number,
                status__in=LOGGABLE_STATUSES,
            )
            .select_related("school", "school_year", "mentor")
            .first()
        )
        if placement and placement.start_date and placement.weekdays:
            logged = _log_days(placement, scenario, today)
            if scenario.mentor_confirms and placement.mentor:
                _confirm_earlier_weeks(placement, logged)
            placement_day_counters_refresh(placements=Placement.objects.filter(pk=placement.pk))


def _lio_weekdays(placement: Placement, today: date) -> list[date]:
    """The placement's weekly days from its start until today that are not days off."""
    free_days = school_free_days(school=placement.school, school_year=placement.school_year)
    days, day = [], placement.start_date
    assert day is not None
    while day < min(today, placement.school_year.end_date):
        if day.weekday() in placement.weekdays and day not in free_days:
            days.append(day)
        day += _ONE_DAY
    return days


def _log_days(placement: Placement, scenario: _Scenario, today: date) -> list[date]:
    """Log the scenario's days in order until 25 count, leaving the last ones unlogged."""
    kinds: dict[date, str] = {}
    for n, day in enumerate(_lio_weekdays(placement, today)):
        if len(counted_days(kinds, placement.weekdays)) == LIO_DAYS:
            break
        kinds[day] = scenario.days.get(n, _DaySpec()).kind
    to_log = sorted(kinds)[: max(0, len(kinds) - scenario.unlogged)]
    for n, day in enumerate(to_log):
        spec = scenario.days.get(n, _DaySpec())
        if LioDay.objects.filter(placement=placement, date=day, confirmed_at__isnull=False):
            continue  # a confirmed day is locked, also for the demo
        LioDay.objects.update_or_create(
            placement=placement,
            date=day,
            defaults={
                "kind": spec.kind,
                "responsibilities": list(spec.responsibilities),
                "note": spec.note,
            },
        )
    return to_log


def _confirm_earlier_weeks(placement: Placement, logged: list[date]) -> None:
    """The mentor confirmed every week before the week of the latest logged day (all weeks
    of a completed LIO)."""
    if not logged:
        return
    last_monday = logged[-1] - timedelta(days=logged[-1].weekday())
    completed = placement.status == Placement.Status.COMPLETED
    for day in logged:
        if day < last_monday or completed:
            friday = day + timedelta(days=4 - day.weekday())
            lio_day = LioDay.objects.get(placement=placement, date=day)
            if lio_day.confirmed_at is None:
                lio_day.confirmed_at = timezone.make_aware(datetime.combine(friday, time(16, 0)))
                lio_day.confirmed_by = placement.mentor
                lio_day.save(update_fields=["confirmed_at", "confirmed_by"])
