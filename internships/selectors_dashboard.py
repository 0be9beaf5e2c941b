"""Reads of the coordinator's dashboard: the pipeline, what needs action, the load per school
and per study coach. A fixed number of queries, whatever the size of the institution."""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext

from .actions import (
    ActionItem,
    ActionList,
    ActionScope,
    action_providers,
    collect_actions,
    oldest_first,
    staff_student_sources,
    summarize_actions,
)
from .charts import BarChart, horizontal_bar_chart
from .membership import Membership
from .models import Institution, Placement, Programme, School, SchoolYear, StudentProfile
from .pipeline import STAGES, PipelineStage, stage_of_rank
from .selectors import placements_visible_to

# The dashboard lists the busiest schools and coaches (the full lists have their own pages)
# and the oldest items that need action (the student list filters on all of them).
LOAD_ROWS = 10
ACTION_ROWS = 20


@dataclass(frozen=True)
class StageCount:
    stage: PipelineStage
    count: int

    @property
    def label(self) -> str:
        return str(self.stage.label)


def year_placements(*, institution: Institution, school_year: SchoolYear) -> QuerySet[Placement]:
    """The placements of the school year that are not cancelled. A school year belongs to one
    institution (and a placement's year to its student's), so no join with the students."""
    assert school_year.institution_id == institution.pk
    return Placement.objects.filter(school_year=school_year).exclude(
        status=Placement.Status.CANCELLED
    )


def pipeline_counts(
    *, institution: Institution, school_year: SchoolYear | None, student_count: int
) -> list[StageCount]:
    """Students per pipeline stage; students without a placement this year are "no placement".
    One query on the placements' stage (the student count is the caller's)."""
    counts = dict.fromkeys(range(len(STAGES)), 0)
    if school_year is not None:
        rows = (
            year_placements(institution=institution, school_year=school_year)
            .values_list("stage_rank")
            .annotate(n=Count("pk"))
            .order_by()
        )
        counts.update(dict(rows))
    counts[0] = student_count - sum(counts.values())
    return [StageCount(stage_of_rank(rank), n) for rank, n in counts.items()]


def pipeline_chart(stages: list[StageCount]) -> BarChart:
    return horizontal_bar_chart(
        title=gettext("Students per stage"),
        rows=[(s.label, s.count, f"chart-bar--{s.stage.value}") for s in stages],
    )


def _load(placements: QuerySet[Placement], *fields: str) -> list[dict[str, Any]]:
    status = Placement.Status
    return list(
        placements.values(*fields)
        .annotate(
            total=Count("pk"),
            planned=Count("pk", filter=Q(status=status.PLANNED)),
            active=Count("pk", filter=Q(status=status.ACTIVE)),
            completed=Count("pk", filter=Q(status=status.COMPLETED)),
        )
        .order_by("-total", *fields)[:LOAD_ROWS]
    )


def school_load(*, institution: Institution, school_year: SchoolYear) -> list[dict[str, Any]]:
    """The schools with the most placements this year, with their placements by status."""
    placements = year_placements(institution=institution, school_year=school_year)
    return _load(placements, "school__name", "school_id")


def coach_load(*, institution: Institution, school_year: SchoolYear) -> list[dict[str, Any]]:
    """The study coaches with the most students this year (placements without a coach too)."""
    placements = year_placements(institution=institution, school_year=school_year)
    return _load(placements, "study_coach__last_name", "study_coach__first_name", "study_coach_id")


@dataclass
class Dashboard:
    school_year: SchoolYear | None
    student_count: int
    school_count: int
    stages: list[StageCount]
    chart: BarChart
    actions: ActionList
    schools: list[dict[str, Any]]
    coaches: list[dict[str, Any]]

    @property
    def placement_stages(self) -> list[StageCount]:
        return [s for s in self.stages if s.stage != PipelineStage.NO_PLACEMENT]

    @property
    def without_placement(self) -> int:
        return self.stages[0].count


def institution_tracks(*, institution: Institution) -> frozenset[str]:
    """The tracks of the institution's programmes (one query): the dashboard asks only the
    providers of these tracks."""
    return frozenset(
        Programme.objects.filter(institution=institution)
        .order_by()
        .values_list("track", flat=True)
        .distinct()
    )


def coordinator_dashboard(
    *, institution: Institution, school_year: SchoolYear | None, today: date
) -> Dashboard:
    student_count = StudentProfile.objects.filter(institution=institution).count()
    stages = pipeline_counts(
        institution=institution, school_year=school_year, student_count=student_count
    )
    has_year = school_year is not None
    return Dashboard(
        school_year=school_year,
        student_count=student_count,
        school_count=School.objects.filter(institution=institution).count(),
        stages=stages,
        chart=pipeline_chart(stages[1:]),
        actions=summarize_actions(
            ActionScope(
                institution=institution,
                today=today,
                school_year=school_year,
                tracks=institution_tracks(institution=institution),
            ),
            limit=ACTION_ROWS,
        ),
        schools=school_load(institution=institution, school_year=school_year) if has_year else [],
        coaches=coach_load(institution=institution, school_year=school_year) if has_year else [],
    )


def _identity(item: ActionItem) -> tuple[object, ...]:
    return item.kind, item.student_id, item.url_name, item.url_args


def actions_for_staff(*, membership: Membership, today: date) -> ActionList:
    """The same list as the coordinator's (issue 9), limited to the member's students: every
    item of the placements they may open that are not cancelled, and the items of the
    workflows that name them otherwise (`register_staff_students`). A fixed number of queries."""
    institution = membership.institution
    if institution is None:
        return ActionList(items=[])
    placements = placements_visible_to(membership).exclude(status=Placement.Status.CANCELLED)
    scope = ActionScope(
        institution=institution,
        today=today,
        students=StudentProfile.objects.filter(pk__in=placements.values("student")),
        tracks=institution_tracks(institution=institution),
    )
    found = {_identity(item): item for item in collect_actions(scope).items}
    for source in staff_student_sources():
        students = StudentProfile.objects.filter(pk__in=source.students(membership))
        workflow = collect_actions(replace(scope, students=students), keys=source.kinds)
        for item in workflow.items:
            found.setdefault(_identity(item), item)
    items = sorted(found.values(), key=oldest_first)
    kinds = Counter(item.kind for item in items)
    return ActionList(items=items, counts=[(p, kinds[p.key]) for p in action_providers()])
