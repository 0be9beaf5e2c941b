"""Demo data of the portfolio: assignments on every theme for the Flemish programme, work in
every status for several students, and profile sketches and professional products of Dutch
students (`demo_product.py`).

Runs after `internships.demo.seed_demo` (it needs its people and placements). Keyed on
natural keys: an assignment by programme, year and title; work by assignment and student; a
sketch by student. Existing work is left as it is, so running it again changes nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from audit.writes import unaudited_writes
from internships.models import Person, Programme, StudentProfile, Track

from .demo_files import tiny_pdf, tiny_png
from .demo_product import seed_products
from .models import (
    Assignment,
    AssignmentWork,
    ProfileSketch,
    SketchAssessment,
    SketchVersion,
    Theme,
    WorkFeedback,
    WorkVersion,
)
from .services import (
    assignment_work_approve,
    assignment_work_request_revision,
    assignment_work_save,
    assignment_work_submit,
    attachment_add,
    profile_sketch_assess,
    profile_sketch_submit,
    sketch_image_add,
    sketch_section_add,
)

_VL_INSTITUTION = "Hogeschool Kempenland"
_NL_INSTITUTION = "Pabo Zuid-West"
_COACH_EMAIL = "k.janssens@kempenland.example"
_SUPERVISOR_EMAIL = "f.jansen@pabo-zuidwest.example"

_ASSIGNMENTS = [
    (1, Theme.LEARNING_ENVIRONMENT, "Een krachtige leeromgeving ontwerpen", date(2026, 11, 15)),
    (1, Theme.LEARNING_ENVIRONMENT, "Differentiëren in je klas", date(2027, 2, 15)),
    (1, Theme.TEAMWORK, "Jouw rol in het schoolteam", date(2026, 12, 18)),
    (1, Theme.SCHOOL_COLLABORATION, "Een schoolproject mee vormgeven", date(2027, 3, 31)),
    (2, Theme.LEARNING_ENVIRONMENT, "Verdieping: leeromgeving in het eerste leerjaar", None),
    (2, Theme.CARE_POLICY, "Het zorgbeleid van je school in de praktijk", date(2026, 12, 20)),
    (2, Theme.PUPIL_MONITORING, "Werken met het leerlingvolgsysteem", date(2027, 2, 28)),
    (2, Theme.EXTERNAL_PARTNERS, "Samenwerken met CLB, ouders en buurt", date(2027, 4, 30)),
]
_DESCRIPTION = (
    "Beschrijf wat je in je klas gedaan hebt rond dit thema, voeg bewijsstukken toe "
    "(lesvoorbereidingen, foto's, documenten) en reflecteer: wat ging goed, wat doe je "
    "een volgende keer anders, en waarom?"
)
_REFLECTION = (
    "In mijn klas heb ik drie lessen opgebouwd rond {title}. Ik koos voor hoeken waarin de "
    "leerlingen zelfstandig werken, met een instructietafel voor wie extra uitleg nodig had.\n\n"
    "Wat goed ging: de leerlingen waren betrokken en konden zelf kiezen. Wat ik anders zou "
    "doen: de overgangen tussen de hoeken strakker organiseren."
)


@dataclass(frozen=True)
class _Work:
    student_number: str
    title: str
    steps: tuple[str, ...]  # save | submit | revise | approve
    days_ago: int


_WORK = [
    _Work(
        "r0811201",
        "Een krachtige leeromgeving ontwerpen",
        ("submit", "revise", "submit", "approve"),
        40,
    ),
    _Work("r0811201", "Jouw rol in het schoolteam", ("submit",), 3),
    _Work("r0811201", "Een schoolproject mee vormgeven", ("save",), 1),
    _Work("r0811202", "Een krachtige leeromgeving ontwerpen", ("submit",), 9),
    _Work("r0811202", "Jouw rol in het schoolteam", ("submit", "revise"), 12),
    _Work("r0811203", "Een krachtige leeromgeving ontwerpen", ("save",), 2),
    _Work("r0811205", "Verdieping: leeromgeving in het eerste leerjaar", ("submit", "approve"), 30),
    _Work("r0811205", "Het zorgbeleid van je school in de praktijk", ("submit",), 6),
    _Work("r0811206", "Werken met het leerlingvolgsysteem", ("save",), 4),
]
_FEEDBACK = {
    "revise": "Je beschrijft goed wat je deed. Leg nog uit waarom je voor deze hoeken koos en "
    "hoe je zag dat de leerlingen iets leerden.",
    "approve": "Sterke reflectie met goede bewijsstukken. Goedgekeurd.",
}


def seed_portfolio() -> None:
    """Create the demo assignments, work and profile sketches (idempotent)."""
    programme = Programme.objects.get(institution__name=_VL_INSTITUTION, track=Track.VL)
    assignments = {}
    for year, theme, title, deadline in _ASSIGNMENTS:
        assignments[title], _ = Assignment.objects.update_or_create(
            programme=programme,
            lio_year=year,
            title=title,
            defaults={"theme": theme, "deadline": deadline, "description": _DESCRIPTION},
        )
    coach = Person.objects.get(institution=programme.institution, email=_COACH_EMAIL)
    for spec in _WORK:
        student = StudentProfile.objects.get(
            institution=programme.institution, student_number=spec.student_number
        )
        _seed_work(assignments[spec.title], student, coach, spec)
    # The professional products assign the graduation supervisors who assess the sketches.
    seed_products(today=timezone.localdate())
    _seed_sketches()


def _seed_work(assignment: Assignment, student: StudentProfile, coach: Person, spec: _Work) -> None:
    if AssignmentWork.objects.filter(assignment=assignment, student=student).exists():
        return
    text = _REFLECTION.format(title=assignment.get_theme_display().lower())
    assignment_work_save(assignment=assignment, student=student, text=text)
    for name, data in (
        ("lesvoorbereiding.pdf", tiny_pdf(f"Lesvoorbereiding: {assignment}")),
        ("klasopstelling.png", tiny_png()),
    ):
        attachment_add(
            assignment=assignment,
            student=student,
            upload=ContentFile(data, name=name),
            actor=student.person,
        )
    work = AssignmentWork.objects.get(assignment=assignment, student=student)
    for step in spec.steps:
        if step == "submit":
            text += "\n\nAangevuld na feedback." if work.versions.exists() else ""
            assignment_work_submit(
                assignment=assignment, student=student, text=text, actor=student.person
            )
        elif step in _FEEDBACK:
            review = (
                assignment_work_approve if step == "approve" else assignment_work_request_revision
            )
            review(work=work, coach=coach, feedback=_FEEDBACK[step])
    _backdate(work, spec.days_ago)


def _backdate(work: AssignmentWork, days_ago: int) -> None:
    """Spread the versions over the past weeks so that the queue has an order."""
    start = timezone.now() - timedelta(days=days_ago)
    # Moving the demo's timeline is not a change anyone made: no history rows for it.
    with unaudited_writes():
        for version in work.versions.order_by("number"):
            when = start + timedelta(days=7 * (version.number - 1))
            WorkVersion.objects.filter(pk=version.pk).update(submitted_at=when)
            WorkFeedback.objects.filter(version=version).update(created_at=when + timedelta(days=2))
            AssignmentWork.objects.filter(pk=work.pk, submitted_at__isnull=False).update(
                submitted_at=when
            )


_SECTIONS = [
    (
        "Wie ben ik als leerkracht?",
        "Ik ben een leerkracht die rust brengt in de groep. Kinderen weten wat ze aan me hebben: "
        "duidelijke afspraken, en ruimte om fouten te maken.",
    ),
    (
        "Wie wil ik worden?",
        "Ik wil groeien in het afstemmen van mijn instructie op verschillen tussen leerlingen, en "
        "ouders meer betrekken bij wat er in de klas gebeurt.",
    ),
]


_SKETCH_PLANS = {
    "NL-500101": (),
    "NL-500102": ("submit",),
    "NL-500103": (
        "submit",
        SketchAssessment.Result.NOT_PASSED,
        "submit",
        SketchAssessment.Result.PASSED,
    ),
}


def _seed_sketches() -> None:
    supervisor = Person.objects.get(institution__name=_NL_INSTITUTION, email=_SUPERVISOR_EMAIL)
    for number, steps in _SKETCH_PLANS.items():
        student = StudentProfile.objects.get(
            institution__name=_NL_INSTITUTION, student_number=number
        )
        if not ProfileSketch.objects.filter(student=student).exists():
            _seed_sketch(student, supervisor, steps)


def _seed_sketch(student: StudentProfile, supervisor: Person, steps: tuple[str, ...]) -> None:
    for heading, text in _SECTIONS:
        section = sketch_section_add(student=student, heading=heading, text=text)
    sketch_image_add(
        section=section,
        upload=ContentFile(tiny_png(accent=(180, 90, 40)), name="mijn-klas.png"),
        alt_text="Tekening van een school met een grasveld ervoor",
        caption="Mijn stageschool",
        actor=student.person,
    )
    sketch = ProfileSketch.objects.get(student=student)
    for step in steps:
        if step == "submit":
            profile_sketch_submit(sketch=sketch, actor=student.person)
        else:
            passed = step == SketchAssessment.Result.PASSED
            profile_sketch_assess(
                sketch=sketch,
                assessor=supervisor,
                feedback=_FEEDBACK["approve" if passed else "revise"],
                result=step,
            )
    start = timezone.now() - timedelta(days=20)
    with unaudited_writes():  # the demo's timeline, as in _backdate
        for version in sketch.versions.all():
            when = start + timedelta(days=7 * (version.number - 1))
            SketchVersion.objects.filter(pk=version.pk).update(submitted_at=when)
            SketchAssessment.objects.filter(version=version).update(
                created_at=when + timedelta(days=3)
            )
            ProfileSketch.objects.filter(pk=sketch.pk).update(submitted_at=when)
