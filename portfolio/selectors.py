"""Reads of the portfolio, scoped to the institution and to what each role may see.

- student: their own work and profile sketch;
- study coach: the work of the students whose (not cancelled) placement names them;
- coordinator: everything of the institution;
- graduation supervisor: the profile sketches of the students whose professional product they
  supervise (assigned when the coordinator approves the start form).
"""

from dataclasses import dataclass, field

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from internships.membership import Membership
from internships.models import Person, Placement, Role, StudentProfile, Track

from .models import (
    THEMES_BY_YEAR,
    Assignment,
    AssignmentWork,
    Attachment,
    ProfessionalProduct,
    ProfileSketch,
    SketchImage,
    SketchVersion,
    Theme,
    WorkStatus,
    WorkVersion,
)


def _coached_student_ids(person: Person) -> QuerySet[Placement]:
    """Students whose placement (not cancelled) names `person` as study coach."""
    return (
        Placement.objects.filter(study_coach=person)
        .exclude(status=Placement.Status.CANCELLED)
        .values("student")
    )


def students_visible_to(membership: Membership) -> QuerySet[StudentProfile]:
    """Students whose portfolio the member may open."""
    person = membership.person
    if person is None:
        return StudentProfile.objects.none()
    students = StudentProfile.objects.filter(institution=person.institution_id).select_related(
        "person", "programme"
    )
    if Role.COORDINATOR in membership.roles:
        return students
    condition = Q(person=person)
    if Role.STUDY_COACH in membership.roles:
        condition |= Q(pk__in=_coached_student_ids(person))
    return students.filter(condition)


def works_visible_to(membership: Membership) -> QuerySet[AssignmentWork]:
    return AssignmentWork.objects.filter(
        student__in=students_visible_to(membership).values("pk")
    ).select_related("assignment__programme", "student__person", "student__programme")


def attachments_visible_to(membership: Membership) -> QuerySet[Attachment]:
    return Attachment.objects.filter(work__in=works_visible_to(membership).values("pk"))


def assignments_of(*, programme_id: int, lio_year: int) -> QuerySet[Assignment]:
    return Assignment.objects.filter(programme=programme_id, lio_year=lio_year)


@dataclass
class AssignmentRow:
    assignment: Assignment
    work: AssignmentWork | None

    @property
    def status(self) -> str:
        return self.work.status if self.work else WorkStatus.NOT_STARTED

    @property
    def is_overdue(self) -> bool:
        """Past the deadline and not yet submitted or approved."""
        deadline = self.assignment.deadline
        return (
            deadline is not None
            and deadline < timezone.localdate()
            and self.status in {WorkStatus.NOT_STARTED, WorkStatus.DRAFT, WorkStatus.REVISE}
        )


@dataclass
class ThemeProgress:
    theme: Theme
    rows: list[AssignmentRow] = field(default_factory=list)

    @property
    def approved(self) -> int:
        return sum(row.status == WorkStatus.APPROVED for row in self.rows)

    @property
    def percent(self) -> int:
        return round(100 * self.approved / len(self.rows)) if self.rows else 0


def portfolio_overview(*, student: StudentProfile, lio_year: int) -> list[ThemeProgress]:
    """The assignments of one LIO year grouped by theme (in DOMAIN.md's order), each with the
    student's work on it. Two queries."""
    works = {
        work.assignment_id: work
        for work in AssignmentWork.objects.filter(
            student=student, assignment__lio_year=lio_year
        ).annotate(attachment_count=Count("attachments", filter=Q(attachments__removed_at=None)))
    }
    themes = [ThemeProgress(theme) for theme in THEMES_BY_YEAR[lio_year]]
    by_theme = {progress.theme: progress for progress in themes}
    for assignment in assignments_of(programme_id=student.programme_id, lio_year=lio_year):
        by_theme[assignment.theme].rows.append(AssignmentRow(assignment, works.get(assignment.pk)))
    return themes


def version_history(work: AssignmentWork) -> QuerySet[WorkVersion]:
    """Every submitted version, newest first, with its attachments and feedback."""
    return (
        work.versions.select_related("feedback__coach", "submitted_by")
        .prefetch_related("attachments")
        .order_by("-number")
    )


def current_attachments(work: AssignmentWork | None) -> list[Attachment]:
    if work is None or work.pk is None:
        return []
    return list(work.attachments.filter(removed_at=None))


def coach_queue(membership: Membership) -> QuerySet[AssignmentWork]:
    """Submitted work of the coach's students, waiting for feedback: oldest first."""
    person = membership.person
    if person is None or Role.STUDY_COACH not in membership.roles:
        return AssignmentWork.objects.none()
    return (
        AssignmentWork.objects.filter(
            student__in=_coached_student_ids(person),
            student__institution=person.institution_id,
            status=WorkStatus.SUBMITTED,
        )
        .select_related("assignment", "student__person")
        .annotate(version_count=Count("versions"))
        .order_by("submitted_at", "pk")
    )


def with_portfolio_progress(students: QuerySet[StudentProfile]) -> QuerySet[StudentProfile]:
    """Annotate the number of assignments of the student's LIO year and how many are approved,
    and the status of the profile sketch. Subqueries: one query for the whole list."""
    assignments = (
        Assignment.objects.filter(programme=OuterRef("programme"), lio_year=OuterRef("lio_year"))
        .order_by()
        .values("programme")
        .annotate(n=Count("pk"))
        .values("n")
    )
    approved = (
        AssignmentWork.objects.filter(
            student=OuterRef("pk"),
            assignment__lio_year=OuterRef("lio_year"),
            status=WorkStatus.APPROVED,
        )
        .order_by()
        .values("student")
        .annotate(n=Count("pk"))
        .values("n")
    )
    waiting = (
        AssignmentWork.objects.filter(student=OuterRef("pk"), status=WorkStatus.SUBMITTED)
        .order_by()
        .values("student")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return students.annotate(
        assignment_total=Coalesce(Subquery(assignments, output_field=IntegerField()), 0),
        assignment_approved=Coalesce(Subquery(approved, output_field=IntegerField()), 0),
        assignment_waiting=Coalesce(Subquery(waiting, output_field=IntegerField()), 0),
        sketch_id=Subquery(ProfileSketch.objects.filter(student=OuterRef("pk")).values("pk")[:1]),
        sketch_status=Subquery(
            ProfileSketch.objects.filter(student=OuterRef("pk")).values("status")[:1]
        ),
    )


# Profile sketches (track NL)


def _supervised_condition(membership: Membership, student_path: str) -> Q | None:
    """Students the member follows on the Dutch track: the student themselves and, for a
    graduation supervisor, the students whose professional product they supervise; None
    for the coordinator (every student of the institution)."""
    person = membership.person
    if Role.COORDINATOR in membership.roles:
        return None
    condition = Q(**{f"{student_path}person": person})
    if Role.GRADUATION_SUPERVISOR in membership.roles:
        condition |= Q(**{f"{student_path}professional_product__graduation_supervisor": person})
    return condition


def sketches_visible_to(membership: Membership) -> QuerySet[ProfileSketch]:
    """The student's own; the sketches of their students for a graduation supervisor (the
    professional product assigns them); every sketch of the institution for the coordinator."""
    person = membership.person
    if person is None:
        return ProfileSketch.objects.none()
    sketches = ProfileSketch.objects.filter(
        student__institution=person.institution_id
    ).select_related("student__person", "student__programme")
    condition = _supervised_condition(membership, "student__")
    return sketches if condition is None else sketches.filter(condition)


def sketch_images_visible_to(membership: Membership) -> QuerySet[SketchImage]:
    return SketchImage.objects.filter(sketch__in=sketches_visible_to(membership).values("pk"))


def sketch_queue(membership: Membership) -> QuerySet[ProfileSketch]:
    """Submitted profile sketches waiting for an assessment: oldest first."""
    return (
        sketches_visible_to(membership)
        .filter(status=WorkStatus.SUBMITTED)
        .order_by("submitted_at", "pk")
    )


def dutch_students_with_sketch(membership: Membership) -> QuerySet[StudentProfile]:
    """The Dutch-track students the member follows (every one for the coordinator, their own
    students for a graduation supervisor), with their sketch (if any)."""
    person = membership.person
    if person is None:
        return StudentProfile.objects.none()
    students = (
        StudentProfile.objects.filter(institution=person.institution_id, programme__track=Track.NL)
        .select_related("person", "profile_sketch")
        .order_by("person__last_name", "person__first_name")
    )
    condition = _supervised_condition(membership, "")
    return students if condition is None else students.filter(condition)


def sketch_with_content(sketch: ProfileSketch) -> ProfileSketch:
    """Attach the draft's sections, each with its current images, as `draft_sections`: dicts
    shaped like a version's content ({section, heading, text, images: [{image, alt_text,
    caption}]}) so that one template shows both."""
    current_images = SketchImage.objects.filter(removed_at=None)
    sections = sketch.sections.prefetch_related(Prefetch("images", queryset=current_images))
    sketch.draft_sections = [  # type: ignore[attr-defined]
        {
            "section": section,
            "heading": section.heading,
            "text": section.text,
            "images": [
                {"image": image, "alt_text": image.alt_text, "caption": image.caption}
                for image in section.images.all()
            ],
        }
        for section in sections
    ]
    return sketch


def sketch_history(sketch: ProfileSketch) -> list[SketchVersion]:
    """Every submitted version, newest first, with its assessment and its images resolved."""
    versions = list(
        sketch.versions.select_related("assessment__assessor", "submitted_by")
        .prefetch_related("images")
        .order_by("-number")
    )
    for version in versions:
        version.sections = resolve_version_sections(version)  # type: ignore[attr-defined]
    return versions


def resolve_version_sections(version: SketchVersion) -> list[dict[str, object]]:
    """The version's stored sections with each image's row (for its URL) looked up."""
    images = {image.pk: image for image in version.images.all()}
    return [
        {
            "heading": section["heading"],
            "text": section["text"],
            "images": [
                {**entry, "image": images[entry["id"]]}
                for entry in section["images"]
                if entry["id"] in images
            ],
        }
        for section in version.content
    ]


def is_study_coach_of(*, person: Person, student: StudentProfile) -> bool:
    return _coached_student_ids(person).filter(student=student).exists()


# Professional product (track NL)


@dataclass(frozen=True)
class ProductSupervision:
    """What the LIO lesson assessment needs to know about a student's professional product."""

    exempt: bool  # the student has an exemption (vrijstelling) for the beroepsproduct
    started: bool  # an approved start form exists (the product has started)
    graduation_supervisor: Person | None  # the assigned afstudeerbegeleider, if any


def product_supervision(*, student: StudentProfile) -> ProductSupervision:
    """DOMAIN.md: the afstudeerbegeleider assesses the LIO lesson by default; an assessor
    assigned by the institution does when the student is exempt or has not started. One query."""
    product = (
        ProfessionalProduct.objects.filter(student=student)
        .select_related("graduation_supervisor")
        .first()
    )
    if product is None:
        return ProductSupervision(exempt=False, started=False, graduation_supervisor=None)
    return ProductSupervision(
        exempt=product.is_exempt,
        started=product.is_started,
        graduation_supervisor=product.graduation_supervisor,
    )
