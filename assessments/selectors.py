"""Reads of the assessments app, scoped to the institution and to each person's part."""

from enum import StrEnum

from django.db.models import Exists, OuterRef, Q, QuerySet

from internships.membership import Membership
from internships.models import Institution, Person, Placement, Role, StudentProfile, Track
from portfolio.selectors import product_supervision

from .models import AssessorAssignment, CreditAward, LessonAssessment
from .rules import AssessorChoice, assessors_for, co_assessor_candidates


class Viewer(StrEnum):
    """A person's part in one assessment; it decides what they see and may do."""

    COORDINATOR = "coordinator"
    ASSESSOR = "assessor"
    CO_ASSESSOR = "co_assessor"
    STUDENT = "student"
    MENTOR = "mentor"


# Who may open the assessment pages at all; others get 403.
VIEWER_ROLES = frozenset(
    {
        Role.COORDINATOR,
        Role.STUDENT,
        Role.GRADUATION_SUPERVISOR,
        Role.ASSESSOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.QUALIFIED_SUPERVISOR,
        Role.MENTOR,
    }
)
ASSESSOR_ROLES = frozenset(
    {
        Role.GRADUATION_SUPERVISOR,
        Role.ASSESSOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.QUALIFIED_SUPERVISOR,
    }
)


def lesson_assessment_queryset() -> QuerySet[LessonAssessment]:
    return LessonAssessment.objects.select_related(
        "placement__student__person",
        "placement__student__programme",
        "placement__school",
        "placement__mentor",
        "assessor",
        "co_assessor",
    )


def lesson_assessments_visible_to(membership: Membership) -> QuerySet[LessonAssessment]:
    """The coordinator sees the institution's; the others those they take part in."""
    person = membership.person
    if person is None:
        return LessonAssessment.objects.none()
    assessments = lesson_assessment_queryset().filter(
        placement__student__institution=person.institution_id
    )
    if Role.COORDINATOR in membership.roles:
        return assessments
    return assessments.filter(
        Q(placement__student__person=person)
        | Q(assessor=person)
        | Q(co_assessor=person)
        | Q(placement__mentor=person)
    )


def viewer_of(assessment: LessonAssessment, membership: Membership) -> Viewer:
    """The most informed part the member plays (the assessor sees more than the mentor)."""
    person = membership.person
    assert person is not None
    if Role.COORDINATOR in membership.roles:
        return Viewer.COORDINATOR
    if assessment.assessor_id == person.pk:
        return Viewer.ASSESSOR
    if assessment.co_assessor_id == person.pk:
        return Viewer.CO_ASSESSOR
    if assessment.placement.student.person_id == person.pk:
        return Viewer.STUDENT
    return Viewer.MENTOR


def assessor_choice_for(
    *, placement: Placement, preferred_co_assessor: Person | None = None
) -> AssessorChoice:
    """The assessor rule applied to the student's professional product and the school."""
    student = placement.student
    school = placement.school
    return assessors_for(
        supervision=product_supervision(student=student),
        in_partnership=school.in_partnership,
        teacher_educators=_school_staff(school.pk, Role.SCHOOL_TEACHER_EDUCATOR),
        qualified_supervisors=_school_staff(school.pk, Role.QUALIFIED_SUPERVISOR),
        assigned_assessor=assigned_assessor_of(student=student),
        mentor=placement.mentor,
        preferred_co_assessor=preferred_co_assessor,
    )


def co_assessors_possible(*, placement: Placement) -> list[Person]:
    """The people the coordinator may choose as co-assessor at the placement's school."""
    school = placement.school
    return co_assessor_candidates(
        in_partnership=school.in_partnership,
        teacher_educators=_school_staff(school.pk, Role.SCHOOL_TEACHER_EDUCATOR),
        qualified_supervisors=_school_staff(school.pk, Role.QUALIFIED_SUPERVISOR),
        mentor=placement.mentor,
    )


def _school_staff(school_id: int, role: str) -> list[Person]:
    return list(
        Person.objects.filter(
            role_assignments__school_id=school_id, role_assignments__role=role
        ).order_by("last_name", "first_name", "pk")
    )


def assigned_assessor_of(*, student: StudentProfile) -> Person | None:
    assignment = (
        AssessorAssignment.objects.filter(student=student).select_related("assessor").first()
    )
    return assignment.assessor if assignment else None


def assessors_of(*, institution: Institution) -> QuerySet[Person]:
    """The people the coordinator can assign as assessor: those holding the assessor role."""
    return (
        Person.objects.filter(institution=institution, role_assignments__role=Role.ASSESSOR)
        .distinct()
        .order_by("last_name", "first_name")
    )


# A completed assessment with a pass: the LIO needs no other visit.
is_passed = Q(status=LessonAssessment.Status.COMPLETED, result=LessonAssessment.Result.PASS)


def placements_to_schedule(*, institution: Institution) -> QuerySet[Placement]:
    """Active track-NL placements without an open or passed assessment lesson."""
    taken = LessonAssessment.objects.filter(placement=OuterRef("pk")).filter(
        Q(status__in=LessonAssessment.OPEN_STATUSES) | is_passed
    )
    return (
        Placement.objects.filter(
            student__institution=institution,
            student__programme__track=Track.NL,
            status=Placement.Status.ACTIVE,
        )
        .exclude(Exists(taken))
        .select_related("student__person", "school", "student__assessor_assignment__assessor")
        .order_by("start_date", "student__person__last_name")
    )


def active_nl_placement_of(*, student: StudentProfile) -> Placement | None:
    """The student's active LIO of track NL: the period the visit must fall in."""
    if student.programme.track != Track.NL:
        return None
    return (
        Placement.objects.filter(student=student, status=Placement.Status.ACTIVE)
        .select_related("school", "student__person", "student__programme", "mentor")
        .first()
    )


def student_assessments(*, student: StudentProfile) -> QuerySet[LessonAssessment]:
    return lesson_assessment_queryset().filter(placement__student=student).order_by("-date", "-pk")


def lio_credits_of(*, student: StudentProfile) -> CreditAward | None:
    return CreditAward.objects.filter(
        student=student, component=CreditAward.Component.LIO_INTERNSHIP
    ).first()
