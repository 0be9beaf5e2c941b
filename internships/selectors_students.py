"""The coordinator's student list: filter, sort, and the rows of the exports.

Each student is listed with their placement of the chosen school year (at most one that is
not cancelled, by a database constraint), joined once with `FilteredRelation`, so filtering
and sorting on school, region, coach or pipeline stage stay one query.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import F, FilteredRelation, Q, QuerySet, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext

from .actions import ActionScope, collect_actions, needing_action
from .models import Institution, Placement, Region, SchoolYear, StudentProfile, Track
from .pipeline import RANK_OF, STAGES, PipelineStage

NEEDS_ANY = "any"

# Sort keys of the list (the URL's `sort`, "-" for descending) and their ordering.
SORTS: dict[str, tuple[str, ...]] = {
    "name": ("person__last_name", "person__first_name"),
    "number": ("student_number",),
    "programme": ("programme__name", "person__last_name"),
    "school": ("school_name", "person__last_name"),
    "state": ("stage_rank", "person__last_name"),
}


@dataclass(frozen=True)
class StudentFilter:
    """What the coordinator filtered on; empty values do not filter."""

    query: str = ""
    programme: int | None = None
    track: str = ""
    school: int | None = None
    region: str = ""
    state: str = ""
    supervisor: int | None = None
    needs: str = ""
    sort: str = "name"


def students_with_placement(
    *, institution: Institution, school_year: SchoolYear | None
) -> QuerySet[StudentProfile]:
    """The institution's students annotated with their placement of `school_year`."""
    # A school year of None matches no placement: every student is then "no placement yet".
    current = FilteredRelation(
        "placements",
        condition=Q(placements__school_year=school_year)
        & ~Q(placements__status=Placement.Status.CANCELLED),
    )
    return (
        StudentProfile.objects.filter(institution=institution)
        .select_related("person", "programme")
        .annotate(current=current)
        .annotate(
            placement_id=F("current__pk"),
            school_id=F("current__school_id"),
            school_name=F("current__school__name"),
            region=F("current__school__region"),
            mentor_first_name=F("current__mentor__first_name"),
            mentor_last_name=F("current__mentor__last_name"),
            coach_first_name=F("current__study_coach__first_name"),
            coach_last_name=F("current__study_coach__last_name"),
            stage_rank=Coalesce("current__stage_rank", Value(RANK_OF[PipelineStage.NO_PLACEMENT])),
        )
    )


def _conditions(filters: StudentFilter) -> Q:
    condition = Q()
    if filters.query:
        condition &= (
            Q(person__first_name__icontains=filters.query)
            | Q(person__last_name__icontains=filters.query)
            | Q(student_number__icontains=filters.query)
        )
    fields: dict[str, Any] = {
        "programme_id": filters.programme,
        "programme__track": filters.track,
        "school_id": filters.school,
        "region": filters.region,
        "current__study_coach_id": filters.supervisor,
    }
    condition &= Q(**{field: value for field, value in fields.items() if value})
    if filters.state in RANK_OF:
        condition &= Q(stage_rank=RANK_OF[filters.state])
    return condition


def student_listing(
    *,
    institution: Institution,
    school_year: SchoolYear | None,
    filters: StudentFilter,
    today: date,
) -> QuerySet[StudentProfile]:
    """The filtered, sorted students. The "needs action" filter is a condition from every
    provider (a subquery each, or the students a computed provider found)."""
    students = students_with_placement(institution=institution, school_year=school_year)
    students = students.filter(_conditions(filters))
    if filters.needs:
        scope = ActionScope(institution=institution, today=today, school_year=school_year)
        key = None if filters.needs == NEEDS_ANY else filters.needs
        students = students.filter(needing_action(scope, key=key))
    return students.order_by(*sort_fields(filters.sort))


def students_in_order(
    *, institution: Institution, school_year: SchoolYear | None, ids: list[int]
) -> list[StudentProfile]:
    """The students of one page with their placement, in the order of `ids`.

    The list pages primary keys first (filtered and sorted, with only the joins that needs),
    then reads the 50 rows with everything shown: sorting thousands of students never has
    to carry their school, mentor and coach along."""
    rows = students_with_placement(institution=institution, school_year=school_year).filter(
        pk__in=ids
    )
    by_pk = {student.pk: student for student in rows}
    return [by_pk[pk] for pk in ids if pk in by_pk]


def needs_by_student(
    *, institution: Institution, today: date, students: QuerySet[StudentProfile]
) -> dict[int, list[str]]:
    """What needs action, per student, for these students only (a page, an export)."""
    scope = ActionScope(institution=institution, today=today, students=students)
    return collect_actions(scope).kinds_by_student()


def sort_fields(sort: str) -> list[Any]:
    descending = sort.startswith("-")
    fields = SORTS.get(sort.lstrip("-"), SORTS["name"])
    ordered = [
        F(name).desc(nulls_last=True) if descending else F(name).asc(nulls_last=True)
        for name in fields
    ]
    return [*ordered, "pk"]


_EXPORT_FIELDS = (
    "pk",
    "student_number",
    "person__last_name",
    "person__first_name",
    "person__email",
    "programme__name",
    "programme__track",
    "lio_year",
    "school_name",
    "region",
    "stage_rank",
    "mentor_first_name",
    "mentor_last_name",
    "coach_first_name",
    "coach_last_name",
)


def export_header() -> list[str]:
    return [
        gettext("Student number"),
        gettext("Last name"),
        gettext("First name"),
        gettext("E-mail address"),
        gettext("Programme"),
        gettext("Track"),
        gettext("LIO year"),
        gettext("School"),
        gettext("Region"),
        gettext("Stage"),
        gettext("Mentor"),
        gettext("Study coach"),
        gettext("Needs action"),
    ]


def _full_name(first: str | None, last: str | None) -> str:
    return f"{first} {last}" if first or last else ""


def export_rows(
    students: QuerySet[StudentProfile], *, kinds_by_student: dict[int, list[str]]
) -> Iterator[list[Any]]:
    """The rows of the list's exports, in the list's order, streamed from the database.
    Labels are translated now, in the request's language, not while the rows stream."""
    labels = {
        "track": {value: str(label) for value, label in Track.choices},
        "region": {value: str(label) for value, label in Region.choices},
        "stage": [str(stage.label) for stage in STAGES],
    }
    return _export_rows(students, labels, kinds_by_student)


def _export_rows(
    students: QuerySet[StudentProfile],
    labels: dict[str, Any],
    kinds_by_student: dict[int, list[str]],
) -> Iterator[list[Any]]:
    for row in students.values(*_EXPORT_FIELDS).iterator(chunk_size=2000):
        yield [
            row["student_number"],
            row["person__last_name"],
            row["person__first_name"],
            row["person__email"],
            row["programme__name"],
            labels["track"].get(row["programme__track"], ""),
            row["lio_year"],
            row["school_name"] or "",
            labels["region"].get(row["region"], ""),
            labels["stage"][row["stage_rank"]],
            _full_name(row["mentor_first_name"], row["mentor_last_name"]),
            _full_name(row["coach_first_name"], row["coach_last_name"]),
            ", ".join(kinds_by_student.get(row["pk"], [])),
        ]
