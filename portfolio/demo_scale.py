"""Portfolio records for the scale seeder (`seed_demo --students N`, internships.demo_scale).

Active Flemish students have work on their year's assignments in every status, with the
submitted versions and the study coach's feedback; Dutch students with an active or completed
LIO have a profile sketch: a draft, submitted, or assessed. Written with bulk_create.
"""

from datetime import timedelta
from random import Random

from django.utils import timezone

from internships.demo_scale import ScaleBatch
from internships.models import Placement, Track

from .models import (
    Assignment,
    AssignmentWork,
    ProfileSketch,
    SketchAssessment,
    SketchVersion,
    WorkFeedback,
    WorkStatus,
    WorkVersion,
)

_BATCH = 1000
_TEXT = "Ik heb drie lessen rond dit thema opgebouwd en reflecteer op wat werkte en waarom."
_SKETCH = [
    {"heading": "Wie ben ik als leerkracht?", "text": "Rust, structuur en ruimte.", "images": []}
]
_STARTED = (Placement.Status.ACTIVE, Placement.Status.COMPLETED)


def seed_portfolio_scale(batch: ScaleBatch) -> None:
    rng = Random(f"portfolio-{batch.institution.pk}-{batch.first_number}")  # noqa: S311  # nosec B311
    placements = [p for p in batch.placements if p.status in _STARTED]
    if batch.programme.track == Track.VL:
        _assignment_work(batch, placements, rng)
    else:
        _sketches(placements, rng)


def _assignment_work(batch: ScaleBatch, placements: list[Placement], rng: Random) -> None:
    assignments = list(Assignment.objects.filter(programme=batch.programme))
    rows = [
        _work(assignment, placement, rng)
        for placement in placements
        for assignment in assignments
        if assignment.lio_year == placement.student.lio_year
    ]
    AssignmentWork.objects.bulk_create([r[0] for r in rows if r[0]], batch_size=_BATCH)
    WorkVersion.objects.bulk_create([r[1] for r in rows if r[1]], batch_size=_BATCH)
    WorkFeedback.objects.bulk_create([r[2] for r in rows if r[2]], batch_size=_BATCH)


_WORK_STATUSES = [
    None,
    WorkStatus.DRAFT,
    WorkStatus.SUBMITTED,
    WorkStatus.SUBMITTED,
    WorkStatus.REVISE,
    WorkStatus.APPROVED,
]


def _work(
    assignment: Assignment, placement: Placement, rng: Random
) -> tuple[AssignmentWork | None, WorkVersion | None, WorkFeedback | None]:
    """The student's work on one assignment in a random status (None: not started)."""
    status, student = rng.choice(_WORK_STATUSES), placement.student
    if status is None:
        return None, None, None
    submitted = timezone.now() - timedelta(days=rng.randint(1, 40))
    work = AssignmentWork(
        assignment=assignment,
        student=student,
        status=status,
        text=_TEXT,
        submitted_at=submitted if status != WorkStatus.DRAFT else None,
    )
    if status == WorkStatus.DRAFT:
        return work, None, None
    version = WorkVersion(
        work=work, number=1, text=_TEXT, submitted_by=student.person, submitted_at=submitted
    )
    if status == WorkStatus.SUBMITTED:
        return work, version, None
    decision = (
        WorkFeedback.Decision.APPROVED
        if status == WorkStatus.APPROVED
        else WorkFeedback.Decision.REVISE
    )
    feedback = WorkFeedback(
        version=version, coach=placement.study_coach, text="Goed onderbouwd.", decision=decision
    )
    return work, version, feedback


def _sketches(placements: list[Placement], rng: Random) -> None:
    now = timezone.now()
    sketches, versions, assessments = [], [], []
    for placement in placements:
        status = rng.choice([None, WorkStatus.DRAFT, WorkStatus.SUBMITTED, WorkStatus.APPROVED])
        if status is None:
            continue
        submitted = now - timedelta(days=rng.randint(1, 30))
        sketch = ProfileSketch(
            student=placement.student,
            status=status,
            submitted_at=submitted if status != WorkStatus.DRAFT else None,
        )
        sketches.append(sketch)
        if status == WorkStatus.DRAFT:
            continue
        version = SketchVersion(
            sketch=sketch,
            number=1,
            content=_SKETCH,
            submitted_by=placement.student.person,
            submitted_at=submitted,
        )
        versions.append(version)
        if status == WorkStatus.APPROVED:
            assessments.append(
                SketchAssessment(
                    version=version,
                    assessor=None,
                    feedback="Helder en persoonlijk.",
                    result=SketchAssessment.Result.PASSED,
                )
            )
    ProfileSketch.objects.bulk_create(sketches, batch_size=_BATCH)
    SketchVersion.objects.bulk_create(versions, batch_size=_BATCH)
    SketchAssessment.objects.bulk_create(assessments, batch_size=_BATCH)
