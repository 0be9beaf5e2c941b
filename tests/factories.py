"""factory-boy factories for every model; build coherent objects within one institution."""

from datetime import date, datetime, time, timedelta

import factory
from django.db.models import QuerySet
from django.utils import timezone
from factory.django import DjangoModelFactory

from accounts.models import User
from internships.models import (
    CalendarOverride,
    Country,
    Institution,
    IntervisionSession,
    LioDay,
    Observation,
    Person,
    Placement,
    Programme,
    Region,
    Role,
    RoleAssignment,
    School,
    SchoolYear,
    StudentProfile,
    TalkSlot,
    Track,
)
from internships.services.action_dates import placement_action_dates_refresh
from internships.services.lio_days import placement_day_counters_refresh
from internships.services.pipeline import placement_stage_refresh
from portfolio.demo_files import tiny_pdf
from portfolio.models import (
    Assignment,
    AssignmentWork,
    Attachment,
    ExpertiseArea,
    ProductStatus,
    ProductType,
    ProfessionalProduct,
    ProfileSketch,
    SketchSection,
    Theme,
    WorkStatus,
)

TEST_PASSWORD = "correct-horse-battery"


class PlainLastName(factory.Faker):
    """A Dutch surname without an apostrophe ("van 't Riet"): tests look for names in HTML,
    where an apostrophe is escaped, so such a name would fail a test now and then."""

    def evaluate(self, instance, step, extra):
        name = super().evaluate(instance, step, dict(extra))
        while "'" in name:
            name = super().evaluate(instance, step, dict(extra))
        return name


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = PlainLastName("last_name", locale="nl_NL")
    password = factory.django.Password(TEST_PASSWORD)


class InstitutionFactory(DjangoModelFactory):
    class Meta:
        model = Institution

    name = factory.Sequence(lambda n: f"Pabo {n}")
    short_name = factory.LazyAttribute(lambda o: o.name)
    country = Country.NL


class ProgrammeFactory(DjangoModelFactory):
    class Meta:
        model = Programme

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Programme {n}")
    track = factory.LazyAttribute(
        lambda o: Track.VL if o.institution.country == Country.BE else Track.NL
    )


class SchoolYearFactory(DjangoModelFactory):
    class Meta:
        model = SchoolYear

    institution = factory.SubFactory(InstitutionFactory)
    name = "2026-2027"
    start_date = date(2026, 8, 1)
    end_date = date(2027, 7, 31)


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Basisschool {n}")
    school_number = factory.Sequence(lambda n: f"{n:02d}XY")
    city = "Utrecht"
    country = factory.LazyAttribute(lambda o: o.institution.country)
    region = factory.LazyAttribute(
        lambda o: Region.BE_VL if o.country == Country.BE else Region.NL_MIDDEN
    )
    in_partnership = True


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    institution = factory.SubFactory(InstitutionFactory)
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = PlainLastName("last_name", locale="nl_NL")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    user = factory.SubFactory(
        UserFactory,
        email=factory.SelfAttribute("..email"),
        first_name=factory.SelfAttribute("..first_name"),
        last_name=factory.SelfAttribute("..last_name"),
    )


class RoleAssignmentFactory(DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    person = factory.SubFactory(PersonFactory)
    role = Role.COORDINATOR
    school = None


class StudentProfileFactory(DjangoModelFactory):
    class Meta:
        model = StudentProfile

    institution = factory.SubFactory(InstitutionFactory)
    person = factory.SubFactory(PersonFactory, institution=factory.SelfAttribute("..institution"))
    programme = factory.SubFactory(
        ProgrammeFactory, institution=factory.SelfAttribute("..institution")
    )
    student_number = factory.Sequence(lambda n: f"S{n:06d}")
    lio_year = factory.LazyAttribute(lambda o: 1 if o.programme.track == Track.VL else None)


def stage_follows(placement: Placement) -> None:
    """As the services do after changing a placement (its status, plan or dates), its start
    application or its assessment: the pipeline stage and the action dates follow
    (tests/pipeline_guard.py checks them)."""
    placement_stage_refresh(placement.pk)
    action_dates_follow(Placement.objects.filter(pk=placement.pk))
    placement.refresh_from_db(fields=["stage_rank", "log_behind_from", "first_short_month"])


def action_dates_follow(placements: QuerySet[Placement]) -> None:
    """As the services do after a change to a plan, a day log, an observation or a calendar:
    the placements' action dates follow (tests/pipeline_guard.py checks them)."""
    placement_action_dates_refresh(placements=placements)


class PlacementFactory(DjangoModelFactory):
    student = factory.SubFactory(StudentProfileFactory)
    school = factory.SubFactory(
        SchoolFactory, institution=factory.SelfAttribute("..student.institution")
    )
    school_year = factory.SubFactory(
        SchoolYearFactory, institution=factory.SelfAttribute("..student.institution")
    )
    class_name = "groep 7"
    grades = factory.LazyAttribute(lambda o: ["VL2"] if o.school.country == Country.BE else ["NL7"])
    mentor = factory.SubFactory(
        PersonFactory, institution=factory.SelfAttribute("..student.institution")
    )
    status = Placement.Status.PLANNED

    class Meta:
        model = Placement
        skip_postgeneration_save = True

    @factory.post_generation
    def stage(obj: Placement, create: bool, extracted: object, **kwargs: object) -> None:
        """As the services do: the pipeline stage and the action dates follow."""
        if create:
            stage_follows(obj)


class CalendarOverrideFactory(DjangoModelFactory):
    class Meta:
        model = CalendarOverride
        skip_postgeneration_save = True

    institution = factory.SubFactory(InstitutionFactory)
    school_year = factory.SubFactory(
        SchoolYearFactory, institution=factory.SelfAttribute("..institution")
    )
    kind = CalendarOverride.Kind.FREE_DAY
    start_date = date(2026, 10, 7)
    end_date = date(2026, 10, 7)
    label = "Studiedag team"

    @factory.post_generation
    def action_dates(obj: CalendarOverride, create: bool, extracted: object, **kw: object) -> None:
        """As the calendar services do: the placements' action dates follow."""
        if create:
            action_dates_follow(Placement.objects.filter(school__institution=obj.institution_id))


class LioDayFactory(DjangoModelFactory):
    class Meta:
        model = LioDay
        skip_postgeneration_save = True

    placement = factory.SubFactory(PlacementFactory, status=Placement.Status.ACTIVE)
    date = date(2026, 11, 2)
    kind = LioDay.Kind.LESSON

    @factory.post_generation
    def counters(obj: LioDay, create: bool, extracted: object, **kwargs: object) -> None:
        """As the day-log services do: the placement's counters follow the log."""
        if create:
            placement_day_counters_refresh(placements=Placement.objects.filter(pk=obj.placement_id))


# Portfolio: assignment portfolio (track VL) and profile sketch (track NL).


class AssignmentFactory(DjangoModelFactory):
    class Meta:
        model = Assignment

    programme = factory.SubFactory(
        ProgrammeFactory, institution__country=Country.BE, track=Track.VL
    )
    lio_year = 1
    theme = Theme.LEARNING_ENVIRONMENT
    title = factory.Sequence(lambda n: f"Opdracht {n}")
    description = "Beschrijf wat je deed en reflecteer."
    deadline = date(2026, 12, 1)


class AssignmentWorkFactory(DjangoModelFactory):
    class Meta:
        model = AssignmentWork

    assignment = factory.SubFactory(AssignmentFactory)
    student = factory.SubFactory(
        StudentProfileFactory,
        institution=factory.SelfAttribute("..assignment.programme.institution"),
        programme=factory.SelfAttribute("..assignment.programme"),
        lio_year=factory.SelfAttribute("..assignment.lio_year"),
    )
    status = WorkStatus.DRAFT
    text = "Mijn reflectie op deze opdracht."


class AttachmentFactory(DjangoModelFactory):
    class Meta:
        model = Attachment

    work = factory.SubFactory(AssignmentWorkFactory)
    file = factory.django.FileField(filename="plan.pdf", data=tiny_pdf("Lesvoorbereiding"))
    original_name = "plan.pdf"
    content_type = "application/pdf"
    size = factory.LazyAttribute(lambda o: o.file.size)
    uploaded_by = factory.SelfAttribute("work.student.person")


class ProfileSketchFactory(DjangoModelFactory):
    class Meta:
        model = ProfileSketch

    student = factory.SubFactory(StudentProfileFactory)
    status = WorkStatus.DRAFT


class SketchSectionFactory(DjangoModelFactory):
    class Meta:
        model = SketchSection

    sketch = factory.SubFactory(ProfileSketchFactory)
    position = factory.Sequence(lambda n: n)
    heading = "Wie ben ik als leerkracht?"
    text = "Ik breng rust in de groep."


class ExpertiseAreaFactory(DjangoModelFactory):
    class Meta:
        model = ExpertiseArea

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Expertisegebied {n}")


class ProductTypeFactory(DjangoModelFactory):
    class Meta:
        model = ProductType

    institution = factory.SubFactory(InstitutionFactory)
    name = factory.Sequence(lambda n: f"Producttype {n}")


class ProfessionalProductFactory(DjangoModelFactory):
    """A submitted start form; pass status, approved_on and graduation_supervisor for later
    states."""

    class Meta:
        model = ProfessionalProduct

    student = factory.SubFactory(StudentProfileFactory)
    status = ProductStatus.SUBMITTED
    title = "Rust in de klas"
    question = "Hoe krijgen we meer rust bij de overgang tussen lessen?"
    expertise_area = factory.SubFactory(
        ExpertiseAreaFactory, institution=factory.SelfAttribute("..student.institution")
    )
    product_type = factory.SubFactory(
        ProductTypeFactory, institution=factory.SelfAttribute("..student.institution")
    )
    submitted_at = factory.LazyFunction(timezone.now)


# Guidance in practice: observations, feedforward visit, intervision, orientation talks.


class ObservationFactory(DjangoModelFactory):
    class Meta:
        model = Observation
        skip_postgeneration_save = True

    placement = factory.SubFactory(PlacementFactory, status=Placement.Status.ACTIVE)
    observer = factory.SelfAttribute("placement.mentor")
    observed_on = date(2026, 11, 10)
    class_name = "2A"
    subject = "Wiskunde: breuken"
    focus = "Klasmanagement"
    went_well = "Duidelijke instructie."
    to_improve = "Meer differentiatie."
    agreements = "Volgende keer werken met niveaugroepen."

    @factory.post_generation
    def action_dates(obj: Observation, create: bool, extracted: object, **kw: object) -> None:
        """As the observation services do: the placement's action dates follow."""
        if create:
            action_dates_follow(Placement.objects.filter(pk=obj.placement_id))


class IntervisionSessionFactory(DjangoModelFactory):
    class Meta:
        model = IntervisionSession

    programme = factory.SubFactory(
        ProgrammeFactory, institution__country=Country.BE, track=Track.VL
    )
    starts_at = factory.LazyFunction(lambda: timezone.make_aware(datetime(2026, 11, 12, 18, 0)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "Campus Diepenbeek, lokaal B12"
    topic = "Krachtige leeromgeving"


class TalkSlotFactory(DjangoModelFactory):
    class Meta:
        model = TalkSlot

    programme = factory.SubFactory(
        ProgrammeFactory, institution__country=Country.BE, track=Track.VL
    )
    starts_at = factory.LazyFunction(lambda: timezone.make_aware(datetime(2026, 12, 3, 17, 0)))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(minutes=30))
    place = "Online (Teams)"


# Assessments: the LIO assessment lesson (track NL).


class LessonAssessmentFactory(DjangoModelFactory):
    """A scheduled visit; give `placement`, `assessor` and `co_assessor` from one world."""

    placement = factory.SubFactory(PlacementFactory, status=Placement.Status.ACTIVE)
    status = "scheduled"
    date = date(2026, 11, 17)
    start_time = time(9, 0)
    end_time = time(10, 0)
    class_name = "groep 7"
    assessor_basis = "assigned_not_started"
    co_assessor_basis = "school_teacher_educator"

    class Meta:
        model = "assessments.LessonAssessment"
        skip_postgeneration_save = True

    @factory.post_generation
    def stage(obj: object, create: bool, extracted: object, **kwargs: object) -> None:
        """As the services do: a completed assessment makes its placement "assessed"."""
        if create:
            stage_follows(obj.placement)  # type: ignore[attr-defined]


# What needs action: the practice supervisor's evaluation form of the professional product.


class EvaluationFormFactory(DjangoModelFactory):
    """An open evaluation form; give `product` and `practice_supervisor` from one world."""

    class Meta:
        model = "portfolio.EvaluationForm"

    status = "open"
