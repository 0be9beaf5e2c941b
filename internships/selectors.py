"""Reads scoped to the institution and to what each role may see."""

from collections.abc import Iterable
from datetime import date

from django.db.models import Count, Q, QuerySet

from .membership import Membership
from .models import (
    Institution,
    Person,
    Placement,
    Role,
    School,
    SchoolYear,
    StartApplication,
    StudentProfile,
)


def placement_queryset() -> QuerySet[Placement]:
    return Placement.objects.select_related(
        "student__person",
        "student__programme",
        "school",
        "school_year",
        "mentor",
        "director",
        "study_coach",
    )


def placements_visible_to(membership: Membership) -> QuerySet[Placement]:
    """What a member may open: every placement of the institution for a coordinator, else theirs."""
    person = membership.person
    if person is None:
        return Placement.objects.none()
    placements = placement_queryset().filter(student__institution=person.institution_id)
    if Role.COORDINATOR in membership.roles:
        return placements
    return placements.filter(_linked_to(person, membership.roles)).distinct()


def _linked_to(person: Person, roles: frozenset[str]) -> Q:
    condition = Q(student__person=person) | Q(mentor=person) | Q(director=person)
    condition |= Q(study_coach=person)
    educator_schools = [
        a.school_id
        for a in person.role_assignments.all()
        if a.role in {Role.SCHOOL_TEACHER_EDUCATOR, Role.QUALIFIED_SUPERVISOR}
    ]
    if educator_schools:
        condition |= Q(school__in=educator_schools)
    return condition


def current_school_year(*, institution: Institution, today: date) -> SchoolYear | None:
    """The school year containing `today`, else the most recent one that started. One query."""
    return pick_current_school_year(SchoolYear.objects.filter(institution=institution), today)


def pick_current_school_year(years: Iterable[SchoolYear], today: date) -> SchoolYear | None:
    """Of `years`: the one containing `today`, else the latest started, else the first."""
    by_start = sorted(years, key=lambda year: year.start_date)
    started = [year for year in by_start if year.start_date <= today]
    for year in reversed(started):
        if today <= year.end_date:
            return year
    if started:
        return started[-1]
    return by_start[0] if by_start else None


def students_of(*, institution: Institution) -> QuerySet[StudentProfile]:
    return StudentProfile.objects.filter(institution=institution).select_related(
        "person", "programme"
    )


def schools_of(*, institution: Institution) -> QuerySet[School]:
    return School.objects.filter(institution=institution).annotate(
        placement_count=Count("placements")
    )


def start_applications_visible_to(membership: Membership) -> QuerySet[StartApplication]:
    """Applications a member may open: via their placements, or because they are asked to sign."""
    person = membership.person
    if person is None:
        return StartApplication.objects.none()
    applications = StartApplication.objects.select_related(
        "placement__student__person",
        "placement__student__programme",
        "placement__school_year",
        "school",
        "mentor",
        "director",
        "study_coach",
    ).filter(placement__student__institution=person.institution_id)
    if Role.COORDINATOR in membership.roles:
        return applications
    visible = placements_visible_to(membership).values("pk")
    return applications.filter(
        Q(placement__in=visible) | Q(mentor=person) | Q(director=person) | Q(study_coach=person)
    )
