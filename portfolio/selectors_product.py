"""Reads of the professional product, scoped to the institution and to what each role may see:

- student: their own product;
- coordinator: every Dutch-track student of the institution;
- graduation supervisor: the products assigned to them;
- practice supervisor: the products that name them;
- mentor: the products of the students whose (not cancelled) placement names them (read-only).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone

from internships.membership import Membership
from internships.models import (
    Institution,
    Person,
    Placement,
    Programme,
    Role,
    StudentProfile,
    Track,
)

from .models import (
    ACTIVE_STATUSES,
    DELIVERABLES,
    PART_CREDITS,
    DeliverableVersion,
    EvaluationForm,
    ExpertiseArea,
    Part,
    PartAssessment,
    Phase,
    ProductEvent,
    ProductStatus,
    ProductType,
    ProfessionalProduct,
)
from .product_schedule import PhaseLengths, Schedule, schedule


def _mentored_student_ids(person: Person) -> QuerySet[Placement]:
    return (
        Placement.objects.filter(mentor=person)
        .exclude(status=Placement.Status.CANCELLED)
        .values("student")
    )


def _student_condition(membership: Membership) -> Q | None:
    """Which Dutch-track students the member may follow; None: every one of the institution."""
    person = membership.person
    assert person is not None
    if Role.COORDINATOR in membership.roles:
        return None
    condition = Q(person=person)
    if Role.GRADUATION_SUPERVISOR in membership.roles:
        condition |= Q(professional_product__graduation_supervisor=person)
    if Role.PRACTICE_SUPERVISOR in membership.roles:
        condition |= Q(professional_product__practice_supervisor=person)
    if Role.MENTOR in membership.roles:
        condition |= Q(pk__in=_mentored_student_ids(person))
    return condition


def product_students_visible_to(membership: Membership) -> QuerySet[StudentProfile]:
    """Dutch-track students whose professional product the member may open, with the product."""
    person = membership.person
    if person is None:
        return StudentProfile.objects.none()
    students = StudentProfile.objects.filter(
        institution=person.institution_id, programme__track=Track.NL
    ).select_related(
        "person",
        "programme__product_settings",
        "professional_product__graduation_supervisor",
        "professional_product__practice_supervisor",
        "professional_product__expertise_area",
        "professional_product__product_type",
    )
    condition = _student_condition(membership)
    return students if condition is None else students.filter(condition)


def products_visible_to(membership: Membership) -> QuerySet[ProfessionalProduct]:
    return ProfessionalProduct.objects.filter(
        student__in=product_students_visible_to(membership).values("pk")
    )


def versions_visible_to(membership: Membership) -> QuerySet[DeliverableVersion]:
    return DeliverableVersion.objects.filter(
        product__in=products_visible_to(membership).values("pk")
    )


def phase_lengths(programme: Programme) -> PhaseLengths:
    """The programme's phase lengths, or the DOMAIN.md defaults (2 and 3 months)."""
    settings = getattr(programme, "product_settings", None)
    if settings is None:
        return PhaseLengths()
    return PhaseLengths(settings.phase_1_months, settings.phase_2_months)


def product_schedule(
    product: ProfessionalProduct | None, *, today: date | None = None
) -> Schedule | None:
    """The due dates of a product whose start form was approved."""
    if product is None or product.approved_on is None:
        return None
    return schedule(
        approved_on=product.approved_on,
        phase_1_accepted_on=product.phase_1_accepted_on,
        phase_2_accepted_on=product.phase_2_accepted_on,
        lengths=phase_lengths(product.student.programme),
        today=today or timezone.localdate(),
    )


@dataclass
class ProductRow:
    """One student in a list of professional products."""

    student: StudentProfile
    product: ProfessionalProduct | None
    schedule: Schedule | None
    waiting_for_review: bool

    @property
    def status(self) -> str:
        return self.product.status if self.product else ProductStatus.NOT_STARTED

    @property
    def status_label(self) -> str:
        return str(ProductStatus(self.status).label)

    @property
    def current_due(self) -> date | None:
        if self.schedule is None or self.product is None:
            return None
        if self.product.status == ProductStatus.PHASE_1:
            return self.schedule.phase_1_due
        if self.product.status == ProductStatus.PHASE_2:
            return self.schedule.phase_2_due
        return None

    @property
    def overdue(self) -> bool:
        return bool(
            self.schedule and (self.schedule.phase_1_overdue or self.schedule.phase_2_overdue)
        )


def product_rows(students: QuerySet[StudentProfile], *, status: str = "") -> list[ProductRow]:
    """The students with their product, due date and whether the latest version of the open
    phase waits for the graduation supervisor. One query."""
    if status == ProductStatus.NOT_STARTED:
        students = students.filter(
            Q(professional_product__isnull=True)
            | Q(professional_product__status=ProductStatus.NOT_STARTED)
        )
    elif status in ProductStatus.values:
        students = students.filter(professional_product__status=status)
    latest = DeliverableVersion.objects.filter(product__student=OuterRef("pk")).order_by(
        "-phase", "-number"
    )
    students = students.annotate(
        latest_version_id=Subquery(latest.values("pk")[:1]),
        latest_review_id=Subquery(latest.values("review__pk")[:1]),
    ).order_by("person__last_name", "person__first_name")
    today = timezone.localdate()
    rows = []
    for student in students:
        product = getattr(student, "professional_product", None)
        in_phase = product is not None and product.status in {
            ProductStatus.PHASE_1,
            ProductStatus.PHASE_2,
        }
        waiting = in_phase and student.latest_version_id and not student.latest_review_id  # type: ignore[attr-defined]
        rows.append(
            ProductRow(student, product, product_schedule(product, today=today), bool(waiting))
        )
    return rows


def graduation_supervisors_with_load(institution: Institution | int) -> QuerySet[Person]:
    """The institution's graduation supervisors with the number of products they supervise
    now (`active_products`). One query."""
    return (
        Person.objects.filter(
            institution=institution, role_assignments__role=Role.GRADUATION_SUPERVISOR
        )
        .annotate(
            active_products=Count(
                "graduation_supervised_products",
                filter=Q(graduation_supervised_products__status__in=sorted(ACTIVE_STATUSES)),
                distinct=True,
            )
        )
        .order_by("last_name", "first_name")
    )


@dataclass
class PhaseView:
    """One phase on the product page: its deliverable's versions (newest first) and result."""

    phase: Phase
    deliverable: str
    credits: int
    versions: list[DeliverableVersion] = field(default_factory=list)
    assessments: list[PartAssessment] = field(default_factory=list)
    due: date | None = None
    accepted_on: date | None = None
    overdue: bool = False
    planned: bool = False

    @property
    def part_label(self) -> str:
        return str(Part(self.phase.value).label)

    @property
    def latest(self) -> DeliverableVersion | None:
        return self.versions[0] if self.versions else None

    @property
    def passed(self) -> PartAssessment | None:
        return next((a for a in self.assessments if a.result == PartAssessment.Result.PASSED), None)


def product_phases(product: ProfessionalProduct, *, today: date | None = None) -> list[PhaseView]:
    """Both phases with their versions, reviews and assessments. Two queries."""
    versions = product.versions.select_related("review__reviewer", "uploaded_by").order_by(
        "-number"
    )
    assessments = product.assessments.select_related("assessor").order_by("created_at")
    plan = product_schedule(product, today=today)
    phases = []
    for phase in Phase:
        view = PhaseView(
            phase=phase, deliverable=str(DELIVERABLES[phase]), credits=PART_CREDITS[phase]
        )
        if plan is not None:
            first = phase == Phase.EXPLORATION
            view.due = plan.phase_1_due if first else plan.phase_2_due
            view.accepted_on = plan.phase_1_accepted_on if first else plan.phase_2_accepted_on
            view.overdue = plan.phase_1_overdue if first else plan.phase_2_overdue
            view.planned = not first and plan.phase_2_planned
        phases.append(view)
    for version in versions:
        phases[version.phase - 1].versions.append(version)
    for assessment in assessments:
        phases[assessment.part - 1].assessments.append(assessment)
    return phases


def product_evaluation(product: ProfessionalProduct | None) -> EvaluationForm | None:
    if product is None:
        return None
    return (
        EvaluationForm.objects.filter(product=product).select_related("practice_supervisor").first()
    )


def practice_supervisor_choices(
    *, student: StudentProfile, school_id: int | None
) -> QuerySet[Person]:
    """Known contacts at the placement school who can be the practice supervisor: its mentors
    and practice supervisors."""
    if school_id is None:
        return Person.objects.none()
    return (
        Person.objects.filter(
            institution=student.institution_id,
            role_assignments__school=school_id,
            role_assignments__role__in=[Role.MENTOR, Role.PRACTICE_SUPERVISOR],
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


def active_entries(model: type[ExpertiseArea] | type[ProductType], institution_id: int) -> QuerySet:
    return model.objects.filter(institution=institution_id, active=True)


def catalogue_of(model: type[ExpertiseArea] | type[ProductType], institution_id: int) -> QuerySet:
    """Every entry of the institution's list with the number of products that use it."""
    return model.objects.filter(institution=institution_id).annotate(used=Count("products"))


def dutch_programmes_with_settings(institution_id: int) -> QuerySet[Programme]:
    return Programme.objects.filter(institution=institution_id, track=Track.NL).select_related(
        "product_settings"
    )


def product_events(product: ProfessionalProduct) -> list[ProductEvent]:
    return list(product.events.select_related("actor"))
