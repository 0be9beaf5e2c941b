"""A student with records of every kind the export and retention cover, `copies` of each
where the model allows more than one (one placement per school year)."""

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone

from assessments.models import AssessorAssignment, CreditAward, LessonPreparation
from internships.models import (
    EntryRequirement,
    FeedforwardVisit,
    IntervisionParticipant,
    LioDay,
    Person,
    Placement,
    SchoolYear,
    StartApplication,
    StudentProfile,
    TalkBooking,
)
from portfolio.demo_files import tiny_pdf, tiny_png
from portfolio.models import (
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
    ProductEvent,
    SketchAssessment,
    SketchImage,
    SketchVersion,
    WorkFeedback,
    WorkVersion,
)
from privacy.models import DataExport
from signoffs.models import PersonalLink, Signature, SignatureRequest, SignOffEvent
from tests.factories import (
    AssignmentFactory,
    AssignmentWorkFactory,
    AttachmentFactory,
    IntervisionSessionFactory,
    LessonAssessmentFactory,
    ObservationFactory,
    PlacementFactory,
    ProfessionalProductFactory,
    ProfileSketchFactory,
    SketchSectionFactory,
    TalkSlotFactory,
)

SECRET = "Geheime reflectie van"


@dataclass
class StudentRecords:
    student: StudentProfile
    placements: list[Placement] = field(default_factory=list)
    staff: dict[str, Person] = field(default_factory=dict)


def pdf(name: str) -> ContentFile[bytes]:
    return ContentFile(tiny_pdf(name), name=f"{name}.pdf")


def student_with_records(
    world: Any, *, student: StudentProfile, copies: int = 1, ends: date | None = None
) -> StudentRecords:
    """`world` gives the school and the staff; `ends` the end date of every placement."""
    records = StudentRecords(student=student, staff=dict(world.people))
    tag = f"{SECRET} {student.person.last_name}"
    for number in range(copies):
        year, _created = SchoolYear.objects.get_or_create(
            institution=world.institution,
            start_date=date(2015 + number, 8, 1),
            defaults={
                "name": f"{2015 + number}-{2016 + number}",
                "end_date": date(2016 + number, 7, 31),
            },
        )
        placement = PlacementFactory(
            student=student,
            school=world.school,
            school_year=year,
            mentor=records.staff["mentor"],
            director=records.staff["director"],
            study_coach=records.staff["study_coach"],
            status=Placement.Status.COMPLETED,
            start_date=date(2016 + number, 2, 1),
            end_date=ends or date(2016 + number, 6, 30),
        )
        records.placements.append(placement)
        _placement_records(records, placement, tag, number)
    _student_records(records, tag, copies)
    _portfolio_records(records, tag, copies)
    DataExport.objects.create(
        institution=world.institution,
        person=student.person,
        exported_by=world.people["coordinator"],
    )
    return records


def _placement_records(records: StudentRecords, placement: Placement, tag: str, n: int) -> None:
    staff = records.staff
    application = StartApplication.objects.create(
        placement=placement, school=placement.school, class_name="groep 7",
        mentor=staff["mentor"], director=staff["director"], study_coach=staff["study_coach"],
        return_comment=f"{tag}: terug", learning_areas=f"{tag}: taal",
        pdf=pdf(f"aanvraag-{n}"),
    )  # fmt: skip
    _signoff_records(application, staff["mentor"], tag)
    day = date(2016 + n, 2, 1)
    LioDay.objects.create(placement=placement, date=day, kind="lesson", note=f"{tag}: dag")
    ObservationFactory(placement=placement, observer=staff["mentor"], went_well=f"{tag}: goed")
    FeedforwardVisit.objects.create(
        placement=placement, visited_on=day, feedback=f"{tag}: feedforward",
        recorded_by=staff["school_teacher_educator"],
    )  # fmt: skip
    assessment = LessonAssessmentFactory(
        placement=placement, assessor=staff["assessor"],
        co_assessor=staff["school_teacher_educator"], student_talk_notes=f"{tag}: nagesprek",
        result="pass", pdf=pdf(f"beoordeling-{n}"),
    )  # fmt: skip
    LessonPreparation.objects.create(
        assessment=assessment, file=pdf(f"voorbereiding-{n}"), original_name="../voorbereiding.pdf",
        content_type="application/pdf", size=100, uploaded_by=records.student.person,
    )  # fmt: skip
    if n == 0:  # credits are awarded once per component
        CreditAward.objects.create(
            student=records.student, component="lio_internship", credits=9, awarded_on=day,
            assessment=assessment,
        )  # fmt: skip


def _signoff_records(document: Any, signer: Person, tag: str) -> None:
    content_type = ContentType.objects.get_for_model(document)
    where = {"content_type": content_type, "object_id": document.pk}
    request = SignatureRequest.objects.create(
        **where, role="mentor", person=signer, comment=f"{tag}: opmerking"
    )
    Signature.objects.create(
        **where, request=request, role="mentor", signer=signer, signer_name=signer.full_name,
        method="link", content_hash="0" * 64,
    )  # fmt: skip
    PersonalLink.objects.create(
        **where, person=signer, purpose="sign", token_hash=f"{document.pk:064d}"[-64:] + "",
        expires_at=timezone.now() + timedelta(days=14),
    )  # fmt: skip
    SignOffEvent.objects.create(**where, action="signed", actor=signer, detail=f"{tag}: event")


def _student_records(records: StudentRecords, tag: str, copies: int) -> None:
    student, staff = records.student, records.staff
    kinds = ["propaedeutic", "young_child", "older_child", "inclusive"]
    for number in range(copies):
        EntryRequirement.objects.create(student=student, kind=kinds[number])
        session = IntervisionSessionFactory(programme=student.programme)
        IntervisionParticipant.objects.create(
            session=session, student=student, reflection=f"{tag}: intervisie"
        )
        slot = TalkSlotFactory(
            programme=student.programme, starts_at=timezone.now() + timedelta(days=number + 1)
        )
        TalkBooking.objects.create(
            slot=slot, person=student.person, name=student.person.full_name,
            email=student.person.email, language="nl", question=f"{tag}: vraag",
        )  # fmt: skip
    AssessorAssignment.objects.create(student=student, assessor=staff["assessor"])


def _portfolio_records(records: StudentRecords, tag: str, copies: int) -> None:
    student, staff = records.student, records.staff
    sketch = ProfileSketchFactory(student=student)
    product = ProfessionalProductFactory(
        student=student, practice_supervisor=staff["practice_supervisor"], question=f"{tag}: ?"
    )
    for n in range(copies):
        work = AssignmentWorkFactory(
            assignment=AssignmentFactory(programme=student.programme), student=student,
            text=f"{tag}: werk",
        )  # fmt: skip
        AttachmentFactory(work=work, original_name=f"werk {n}.pdf")
        version = WorkVersion.objects.create(
            work=work, number=1, text=f"{tag}: versie", submitted_at=timezone.now()
        )
        WorkFeedback.objects.create(version=version, text=f"{tag}: feedback", decision="revise")
        section = SketchSectionFactory(sketch=sketch, text=f"{tag}: schets")
        SketchImage.objects.create(
            file=ContentFile(tiny_png(), name="foto.png"), original_name=f"foto {n}.png",
            content_type="image/png", size=10, sketch=sketch, section=section, alt_text=tag,
        )  # fmt: skip
        sketch_version = SketchVersion.objects.create(
            sketch=sketch, number=n + 1, content={"text": tag}, submitted_at=timezone.now()
        )
        SketchAssessment.objects.create(version=sketch_version, feedback=tag, result="passed")
        ProductEvent.objects.create(product=product, action="submitted", comment=tag)
        deliverable = DeliverableVersion.objects.create(
            file=pdf(f"plan-{n}"), original_name=f"plan {n}.pdf", content_type="application/pdf",
            size=100, product=product, phase=1, number=n + 1, note=tag,
        )  # fmt: skip
        DeliverableReview.objects.create(version=deliverable, feedback=tag, decision="feedback")
        PartAssessment.objects.create(
            product=product, part=n + 1, result="passed", motivation=tag, credits=[5, 9][n]
        )
    EvaluationForm.objects.create(
        product=product, practice_supervisor=staff["practice_supervisor"],
        usable_motivation=tag, pdf=pdf("evaluatie"),
    )  # fmt: skip
