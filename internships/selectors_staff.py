"""The table of "My students": every student a member follows, and what for.

A member follows a student when the placement names them (mentor, director, study coach, the
school's teacher educator or qualified supervisor) or when a workflow does (a graduation or
practice supervisor of the professional product, an assessor of the LIO lesson: registered
with `register_staff_students`). Only the placements they may open are links.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, QuerySet

from .actions import staff_student_sources
from .membership import Membership
from .models import Person, Placement, Role, StudentProfile
from .selectors import placement_queryset, placements_visible_to

_LABELS = dict(Role.choices)
_EDUCATOR_ROLES = (Role.SCHOOL_TEACHER_EDUCATOR, Role.QUALIFIED_SUPERVISOR)


@dataclass
class StaffStudentRow:
    student: StudentProfile
    placement: Placement | None
    can_open: bool  # the placement's pages (detail, day log) are open to the member
    reasons: list[str] = field(default_factory=list)


def _with_day_counts(placements: QuerySet[Placement]) -> QuerySet[Placement]:
    return (
        placements.exclude(status=Placement.Status.CANCELLED)
        .annotate(days_to_confirm=Count("lio_days", filter=Q(lio_days__confirmed_at__isnull=True)))
        .order_by("student__person__last_name", "student__person__first_name", "pk")
    )


def _placement_reasons(placement: Placement, person: Person, educator_at: set[int]) -> list[str]:
    """The member's parts on the placement, in the order of the roles."""
    parts = {
        Role.MENTOR: placement.mentor_id == person.pk,
        Role.DIRECTOR: placement.director_id == person.pk,
        Role.STUDY_COACH: placement.study_coach_id == person.pk,
    }
    reasons = [str(_LABELS[role]) for role, named in parts.items() if named]
    if placement.school_id in educator_at:
        reasons.append(str(_LABELS[_educator_role(placement)]))
    return reasons


def _educator_role(placement: Placement) -> str:
    return _EDUCATOR_ROLES[0] if placement.school.in_partnership else _EDUCATOR_ROLES[1]


def _workflow_reasons(membership: Membership) -> dict[int, list[str]]:
    """Per student: the workflows that name the member. One query per registered workflow."""
    reasons: dict[int, list[str]] = {}
    for source in staff_student_sources():
        students = StudentProfile.objects.filter(
            pk__in=source.students(membership), institution=membership.institution
        )
        for student_id in students.values_list("pk", flat=True):
            reasons.setdefault(student_id, []).append(str(source.label))
    return reasons


def staff_students(*, membership: Membership) -> list[StaffStudentRow]:
    """The rows of the table, sorted by name. A fixed number of queries, whatever the number
    of students: the member's placements, one per workflow, the others' placements, and the
    students of a workflow without a placement."""
    person, institution = membership.person, membership.institution
    if person is None or institution is None:
        return []
    educator_at = {a.school_id for a in person.role_assignments.all() if a.role in _EDUCATOR_ROLES}
    own = list(_with_day_counts(placements_visible_to(membership)))
    workflow = _workflow_reasons(membership)
    rows = [
        StaffStudentRow(
            student=p.student,
            placement=p,
            can_open=True,
            reasons=_placement_reasons(p, person, educator_at) + workflow.get(p.student_id, []),
        )
        for p in own
    ]
    others = set(workflow) - {p.student_id for p in own}
    rows += _workflow_rows(institution.pk, others, workflow)
    return sorted(rows, key=_by_name)


def _workflow_rows(
    institution_id: int, student_ids: set[int], workflow: dict[int, list[str]]
) -> list[StaffStudentRow]:
    """Students only a workflow names: their placements (not theirs to open), or the student."""
    if not student_ids:
        return []
    placements = list(
        _with_day_counts(
            placement_queryset().filter(
                student__in=student_ids, student__institution=institution_id
            )
        )
    )
    rows = [StaffStudentRow(p.student, p, False, list(workflow[p.student_id])) for p in placements]
    without = student_ids - {p.student_id for p in placements}
    if without:
        students = StudentProfile.objects.filter(pk__in=without, institution=institution_id)
        rows += [
            StaffStudentRow(s, None, False, list(workflow[s.pk]))
            for s in students.select_related("person", "programme")
        ]
    return rows


def _by_name(row: StaffStudentRow) -> tuple[str, str, int]:
    person = row.student.person
    return person.last_name, person.first_name, row.placement.pk if row.placement else 0
