"""A placement of the demo school year for most students of a scale batch, in every stage.

`Stage` says what the student's records look like: the placement's status and the start
application's status (None: no application). The shares are rough guesses of a school year
in November; they only need to put students in every stage.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from random import Random

from ..models import Grade, Placement, Programme, StartApplication, Track
from ..planning import LioPlan, PlanningError, plan_lio_period
from .batch import ScaleBatch

_P, _A = Placement.Status, StartApplication.Status
_PATTERNS = [(0, 1, 2), (1, 2, 3), (2, 3, 4), (4, 0, 1), (0, 1, 2, 3), (0, 1, 2, 3, 4)]
_VL_GRADES = {1: [["VL2"], ["VL3", "VL4"]], 2: [["VL1", "VL5"], ["VL1", "VL6"]]}


@dataclass(frozen=True)
class Stage:
    share: float
    placement: str | None
    application: str | None


STAGES = [
    Stage(0.08, None, None),
    Stage(0.03, _P.CANCELLED, None),
    Stage(0.10, _P.PLANNED, None),
    Stage(0.05, _P.PLANNED, _A.DRAFT),
    Stage(0.04, _P.PLANNED, _A.RETURNED),
    Stage(0.14, _P.PLANNED, _A.SUBMITTED),
    Stage(0.05, _P.PLANNED, _A.SIGNED),
    Stage(0.09, _P.PLANNED, _A.CONFIRMED),
    Stage(0.30, _P.ACTIVE, _A.CONFIRMED),
    Stage(0.12, _P.COMPLETED, _A.CONFIRMED),
]


def pick_stage(rng: Random) -> Stage:
    draw, total = rng.random(), 0.0
    for stage in STAGES:
        total += stage.share
        if draw < total:
            return stage
    return STAGES[-1]


def seed_placements(batch: ScaleBatch, rng: Random) -> None:
    """One placement per student (except "no placement"); its stage as `_scale_stage`.
    The first students take every stage in turn, so that even a small batch has them all."""
    placements = []
    for number, student in enumerate(batch.students):
        stage = STAGES[number] if number < len(STAGES) else pick_stage(rng)
        if stage.placement is None:
            continue
        placement = _placement(batch, rng, student.programme, stage)
        placement.student = student
        placements.append(placement)
    batch.placements = Placement.objects.bulk_create(placements, batch_size=1000)


def _placement(batch: ScaleBatch, rng: Random, programme: Programme, stage: Stage) -> Placement:
    school = rng.choice(batch.schools)
    placement = Placement(
        school=school,
        school_year=batch.school_year,
        status=stage.placement,
        mentor=rng.choice(batch.mentors[school.pk]),
        director=batch.directors[school.pk],
        study_coach=rng.choice(batch.coaches),
    )
    placement._scale_stage = stage  # type: ignore[attr-defined]
    if programme.track == Track.VL:
        _flemish(placement, rng)
    else:
        _dutch(placement, batch, rng)
    return placement


def _flemish(placement: Placement, rng: Random) -> None:
    """Track VL: the placement runs the whole school year; none is completed in November."""
    if placement.status == _P.COMPLETED:
        placement.status = _P.ACTIVE
    placement.grades = rng.choice(_VL_GRADES[rng.choice([1, 2])])
    placement.class_name = "-".join(grade[2:] for grade in placement.grades)
    if placement.status != _P.PLANNED:
        placement.start_date, placement.end_date = date(2026, 9, 1), date(2027, 6, 30)


def _dutch(placement: Placement, batch: ScaleBatch, rng: Random) -> None:
    """Track NL: 25 days planned from a start that fits the stage (past, current or future)."""
    grade = rng.choice([value for value, _label in Grade.for_country("NL")])
    placement.grades, placement.class_name = [grade], f"groep {grade[2:]}"
    placement.weekdays = list(rng.choice(_PATTERNS))
    reference = batch.reference
    offsets = {
        _P.ACTIVE: -rng.randint(10, 40),
        _P.COMPLETED: -rng.randint(70, 90),
        _P.PLANNED: rng.randint(14, 90),
        _P.CANCELLED: rng.randint(14, 90),
    }
    plan = _plan(reference + timedelta(days=offsets[placement.status]), placement)
    if plan is None:
        return
    if placement.status == _P.COMPLETED and plan.end_date >= reference:
        placement.status = _P.ACTIVE
    if placement.status == _P.ACTIVE and plan.end_date < reference:
        placement.status = _P.COMPLETED
    placement.start_date, placement.end_date = plan.start_date, plan.end_date
    placement._scale_plan = plan  # type: ignore[attr-defined]


def _plan(start: date, placement: Placement) -> LioPlan | None:
    """The planner's period from the first day on or after `start` where it can begin."""
    for shift in range(21):
        try:
            return plan_lio_period(
                start + timedelta(days=shift), placement.weekdays, placement.school.region
            )
        except PlanningError:
            continue
    return None
