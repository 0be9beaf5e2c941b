"""Many records of one kind in one institution, each the target of one round of a race."""

from datetime import date

from internships.models import EntryRequirement, Placement, Role, StartApplication, StudentProfile
from internships.services.start_applications import (
    StartApplicationData,
    start_application_save,
    start_application_submit,
)
from tests.conftest import World
from tests.factories import PlacementFactory, StudentProfileFactory, stage_follows


def students(world: World, count: int) -> list[StudentProfile]:
    """`count` more students of the world's programme, each with a placement at its school."""
    people = world.people
    result = []
    for _number in range(count):
        student = StudentProfileFactory(
            institution=world.institution, programme=world.placement.student.programme
        )
        PlacementFactory(
            student=student,
            school=world.school,
            school_year=world.school_year,
            mentor=people[Role.MENTOR],
            director=people[Role.DIRECTOR],
            study_coach=people[Role.STUDY_COACH],
        )
        result.append(student)
    return result


def submitted_applications(world: World, count: int) -> list[StartApplication]:
    """Start applications waiting for the mentor's, director's and study coach's signatures."""
    people = world.people
    applications = []
    for student in students(world, count):
        for kind in EntryRequirement.Kind:
            EntryRequirement.objects.create(student=student, kind=kind)
        data = StartApplicationData(
            school=world.school,
            class_name="groep 7",
            grades=["NL7"],
            mentor=people[Role.MENTOR],
            director=people[Role.DIRECTOR],
            study_coach=people[Role.STUDY_COACH],
            weekdays=[0, 1, 2],
            start_date=date(2027, 1, 11),
        )
        application = start_application_save(student=student, data=data, actor=student.person)
        applications.append(start_application_submit(application=application, actor=student.person))
    return applications


def active_placements(world: World, count: int) -> list[Placement]:
    """Active LIO periods (Mon-Tue-Wed, 2 November – 16 December 2026) at the world's school."""
    placements = []
    for student in students(world, count):
        placement = Placement.objects.get(student=student)
        placement.status = Placement.Status.ACTIVE
        placement.start_date = date(2026, 11, 2)
        placement.end_date = date(2026, 12, 16)
        placement.weekdays = [0, 1, 2]
        placement.save()
        stage_follows(placement)
        placements.append(placement)
    return placements
