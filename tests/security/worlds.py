"""The records the security tests walk: two institutions (track NL and track VL), each with a
person in every role, one record of every kind a route takes (owned by the institution's
student), the personal links, and strangers: people of the same roles in the same institution
who own none of it (the IDOR sweep's "same role, not theirs").

Built through the services where a record needs a coherent state (signature requests, the
lesson assessment, the professional product), with factories otherwise.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models

from assessments.models import AssessorAssignment
from assessments.services import VisitData, lesson_assessment_schedule, lesson_preparation_save
from internships.models import (
    Country,
    IntervisionParticipant,
    Person,
    Placement,
    Role,
    StartApplication,
)
from internships.services.mentor_links import mentor_link_issue
from internships.services.talks import BOOKING_CANCEL, talk_booking_create
from portfolio.demo_files import tiny_pdf, tiny_png
from portfolio.models import DeliverableVersion, EvaluationForm, WorkStatus
from portfolio.services.sketches import sketch_image_add, sketch_section_add
from signoffs.links import SIGN, link_issue
from signoffs.models import SignatureRequest
from signoffs.services import signature_requests_open
from tests.conftest import World, build_world
from tests.factories import (
    AssignmentFactory,
    AssignmentWorkFactory,
    AttachmentFactory,
    CalendarOverrideFactory,
    IntervisionSessionFactory,
    ObservationFactory,
    PersonFactory,
    PlacementFactory,
    RoleAssignmentFactory,
    SchoolFactory,
    StudentProfileFactory,
    TalkSlotFactory,
    stage_follows,
)
from tests.internships.support_days import activate
from tests.portfolio.products import delivered

# The moment the security tests run at: a Monday in the NL student's active LIO.
NOW = datetime(2026, 11, 9, 10, 0, tzinfo=ZoneInfo(settings.TIME_ZONE))
LESSON_DAY = date(2026, 11, 2)
# Surname of every owning student: a stranger's page must never name them.
OWNER_SURNAME = {Country.NL: "Zwanenburg", Country.BE: "Vandenheuvel"}

INSTITUTION_ROLES = (Role.STUDY_COACH, Role.GRADUATION_SUPERVISOR, Role.ASSESSOR)
SCHOOL_ROLES = (
    Role.MENTOR,
    Role.DIRECTOR,
    Role.SCHOOL_TEACHER_EDUCATOR,
    Role.PRACTICE_SUPERVISOR,
    Role.QUALIFIED_SUPERVISOR,
)


@dataclass
class SecurityWorld:
    """One institution: `world.people` owns `objects`; `strangers` hold the same roles."""

    key: str
    world: World
    objects: dict[str, models.Model] = field(default_factory=dict)
    tokens: dict[str, str] = field(default_factory=dict)
    strangers: dict[str, Person] = field(default_factory=dict)

    @property
    def people(self) -> dict[str, Person]:
        return self.world.people  # type: ignore[return-value]


def build_security_worlds() -> dict[str, SecurityWorld]:
    """The track-NL and the track-VL institution, each complete."""
    return {"nl": _nl_world(), "vl": _vl_world()}


def _owner_named(world: World) -> None:
    person = world.people[Role.STUDENT]
    person.last_name = OWNER_SURNAME[world.institution.country]  # type: ignore[attr-defined]
    person.save()  # type: ignore[attr-defined]


def _strangers(world: World) -> dict[str, Person]:
    """Same institution, same roles, another school and another student: they own nothing of
    the world's records. The coordinator is left out: a coordinator sees the institution."""
    institution = world.institution
    school = SchoolFactory(institution=institution)
    people: dict[str, Person] = {}
    for role in INSTITUTION_ROLES:
        people[role] = RoleAssignmentFactory(
            person=PersonFactory(institution=institution), role=role
        ).person
    for role in SCHOOL_ROLES:
        people[role] = RoleAssignmentFactory(
            person=PersonFactory(institution=institution), role=role, school=school
        ).person
    student = StudentProfileFactory(
        institution=institution, programme=world.placement.student.programme
    )
    people[Role.STUDENT] = student.person
    PlacementFactory(
        student=student,
        school=school,
        school_year=world.school_year,
        mentor=people[Role.MENTOR],
        director=people[Role.DIRECTOR],
        study_coach=people[Role.STUDY_COACH],
        status=Placement.Status.ACTIVE,
    )
    return people


def _token_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _start_application(security: SecurityWorld) -> None:
    placement = security.world.placement
    people = security.people
    application = StartApplication.objects.create(
        placement=placement,
        status=StartApplication.Status.SUBMITTED,
        school=placement.school,
        class_name=placement.class_name,
        grades=placement.grades,
        mentor=placement.mentor,
        director=placement.director,
        study_coach=placement.study_coach,
        weekdays=placement.weekdays,
        start_date=placement.start_date,
        submitted_at=NOW,
    )
    stage_follows(placement)
    signature_requests_open(
        document=application,
        signers=[(role, people[role]) for role in (Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH)],
        actor=people[Role.STUDENT],
        notify=False,
    )
    security.objects["application"] = application
    security.objects["signature_request"] = SignatureRequest.objects.get(
        object_id=application.pk, role=Role.DIRECTOR
    )
    security.tokens["sign"] = link_issue(
        person=people[Role.DIRECTOR], purpose=SIGN, document=application
    )


def _lesson_assessment(security: SecurityWorld) -> None:
    world = security.world
    AssessorAssignment.objects.create(
        student=world.placement.student, assessor=security.people[Role.ASSESSOR]
    )
    assessment = lesson_assessment_schedule(
        placement=world.placement,
        data=VisitData(
            date=date(2026, 11, 17),
            start_time=time(9, 0),
            end_time=time(10, 0),
            class_name="groep 7",
        ),
        actor=security.people[Role.COORDINATOR],
    )
    security.objects["assessment"] = lesson_preparation_save(
        assessment=assessment,
        upload=SimpleUploadedFile("les.pdf", tiny_pdf("Lesvoorbereiding"), "application/pdf"),
        lesson_sequence="De derde les van vijf over breuken.",
        actor=security.people[Role.STUDENT],
    )


def _product_and_sketch(security: SecurityWorld) -> None:
    world = security.world
    product = delivered(world)
    form = EvaluationForm.objects.get(product=product)
    security.objects |= {
        "product": product,
        "version": DeliverableVersion.objects.filter(product=product).first(),
        "evaluation": form,
        "expertise_area": product.expertise_area,
        "programme": world.placement.student.programme,
    }
    security.tokens["evaluation"] = link_issue(
        person=form.practice_supervisor, purpose=SIGN, document=form
    )
    student = world.placement.student
    section = sketch_section_add(student=student, heading="Wie ben ik?", text="Rustig.")
    image = sketch_image_add(
        section=section,
        upload=SimpleUploadedFile("klas.png", tiny_png(), "image/png"),
        alt_text="De klas",
        caption="",
        actor=student.person,
    )
    security.objects |= {"sketch": section.sketch, "section": section, "image": image}


def _nl_world() -> SecurityWorld:
    world = build_world(Country.NL)
    _owner_named(world)
    security = SecurityWorld(key="nl", world=world, strangers=_strangers(world))
    placement = activate(world.placement)
    student = placement.student
    student.calendar_feed_token = "feed-" + "n" * 40
    student.save(update_fields=["calendar_feed_token"])
    security.tokens["feed"] = student.calendar_feed_token
    security.tokens["mentor"] = _token_of(
        mentor_link_issue(placement=placement, mentor=placement.mentor)
    )
    security.objects |= {
        "placement": placement,
        "student": student,
        "person": student.person,
        "school": world.school,
        "school_year": world.school_year,
        "observation": ObservationFactory(placement=placement, observed_on=LESSON_DAY),
        "override": CalendarOverrideFactory(
            institution=world.institution, school_year=world.school_year
        ),
    }
    _start_application(security)
    _lesson_assessment(security)
    _product_and_sketch(security)
    return security


def _vl_world() -> SecurityWorld:
    world = build_world(Country.BE)
    _owner_named(world)
    security = SecurityWorld(key="vl", world=world, strangers=_strangers(world))
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.start_date = date(2026, 9, 1)
    placement.end_date = date(2027, 6, 30)
    placement.save()
    stage_follows(placement)
    student = placement.student
    programme = student.programme
    assignment = AssignmentFactory(programme=programme, lio_year=1)
    work = AssignmentWorkFactory(
        assignment=assignment, student=student, status=WorkStatus.SUBMITTED
    )
    session = IntervisionSessionFactory(programme=programme)
    booked = TalkSlotFactory(programme=programme)
    booking = talk_booking_create(
        programme=programme,
        slot_id=booked.pk,
        name="Bezoeker",
        email="bezoeker@example.org",
        question="",
        language="nl",
    )
    security.tokens["talk_cancel"] = link_issue(
        person=booking.person, purpose=BOOKING_CANCEL, document=booking
    )
    security.tokens["mentor"] = _token_of(
        mentor_link_issue(placement=placement, mentor=placement.mentor)
    )
    security.objects |= {
        "placement": placement,
        "student": student,
        "school": world.school,
        "school_year": world.school_year,
        "programme": programme,
        "observation": ObservationFactory(placement=placement, observed_on=date(2026, 10, 5)),
        "assignment": assignment,
        "work": work,
        "attachment": AttachmentFactory(work=work),
        "intervision": session,
        "participant": IntervisionParticipant.objects.create(session=session, student=student),
        "free_slot": TalkSlotFactory(programme=programme, starts_at=booked.ends_at),
        "booked_slot": booked,
        "booking": booking,
    }
    return security
