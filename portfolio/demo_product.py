"""Demo data of the professional product (track NL) at Pabo Zuid-West: students at every stage,
from a submitted start form to a completed product with its credits, and one exemption.
Anna Dijkstra has not started, so the whole route can be walked in the browser.

Runs after `internships.demo.seed_demo`; keyed on the student: a student who already has a
professional product is left as it is, so running it again changes nothing.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from audit.writes import unaudited_writes
from internships.models import Institution, Person, Role, RoleAssignment, StudentProfile
from signoffs.models import Signature
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .demo_files import tiny_pdf
from .models import (
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    ExpertiseArea,
    Phase,
    ProductType,
)
from .models import ProfessionalProduct as Product
from .services import (
    EvaluationData,
    StartFormData,
    deliverable_review,
    deliverable_upload,
    evaluation_form_save,
    part_assess,
    product_exemption_record,
    product_lists_seed,
    product_start_approve,
    product_start_return,
    product_start_submit,
)
from .services.evaluation import evaluation_form_sign
from .services.product_notify import mails_muted

_INSTITUTION = "Pabo Zuid-West"
_COORDINATOR = "coordinator@pabo-zuidwest.example"
_SUPERVISOR = "f.jansen@pabo-zuidwest.example"
# A second graduation supervisor (no account) so that the approval form shows a choice of load.
_COLLEAGUE = ("Ruud", "Hoekstra", "r.hoekstra@pabo-zuidwest.example")


@dataclass(frozen=True)
class _Plan:
    number: str
    title: str
    area: str
    kind: str
    practice_supervisor: str
    stage: str  # submitted | returned | phase_1 | feedback | delivered | completed
    approved_days_ago: int = 0


_PLANS = [
    _Plan(
        "NL-500104",
        "Samen lezen met ouders",
        "Ouderbetrokkenheid",
        "Een voorlichtingspakket",
        "t.peters@devlinder.example",
        "submitted",
    ),
    _Plan(
        "NL-500105",
        "Bewegend leren in groep 3",
        "Bewegen en gezondheid/leren",
        "Een lessencyclus",
        "r.dekker@destarter.example",
        "returned",
    ),
    _Plan(
        "NL-500101",
        "Rekenkring in groep 7",
        "Coöperatieve werkvormen",
        "Een lessencyclus",
        "i.smit@deregenboog.example",
        "feedback",
        40,
    ),
    _Plan(
        "NL-500102",
        "Rust bij de overgangen",
        "Pedagogische relatie",
        "Een protocol",
        "i.smit@deregenboog.example",
        "phase_1",
        30,
    ),
    _Plan(
        "NL-500103",
        "Coöperatief rekenen in groep 5",
        "Coöperatieve werkvormen",
        "Een cursus of training",
        "n.degraaf@hetkompas.example",
        "delivered",
        160,
    ),
    _Plan(
        "NL-500106",
        "Signaleren van dyscalculie",
        "Passend onderwijs",
        "Een signaleringsplan",
        "i.smit@deregenboog.example",
        "completed",
        220,
    ),
]
_EXEMPT = ("NL-500107", "Eerdere opleiding: beroepsproduct behaald in de deeltijdopleiding.")
_REVIEW = {
    "feedback": "Goede verkenning. Maak de onderzoeksvraag concreter en onderbouw de aanpak met "
    "recente literatuur.",
    "accepted": "Helder en goed onderbouwd. Geaccepteerd.",
}


def seed_products(*, today: date) -> None:
    """Create the demo professional products (idempotent), without mailing anyone."""
    with mails_muted():
        _seed_products(today)


def _seed_products(today: date) -> None:
    institution = Institution.objects.get(name=_INSTITUTION)
    product_lists_seed(institution=institution)
    coordinator = Person.objects.get(institution=institution, email=_COORDINATOR)
    supervisor = Person.objects.get(institution=institution, email=_SUPERVISOR)
    _colleague(institution)
    for plan in _PLANS:
        student = _student(institution, plan.number)
        if not Product.objects.filter(student=student).exists():
            _seed_plan(plan, student, coordinator, supervisor, today)
    student = _student(institution, _EXEMPT[0])
    if not Product.objects.filter(student=student).exists():
        product_exemption_record(student=student, coordinator=coordinator, reason=_EXEMPT[1])


def _student(institution: Institution, number: str) -> StudentProfile:
    return StudentProfile.objects.select_related("person", "programme").get(
        institution=institution, student_number=number
    )


def _colleague(institution: Institution) -> Person:
    first_name, last_name, email = _COLLEAGUE
    person, _created = Person.objects.get_or_create(
        institution=institution,
        email=email,
        defaults={"first_name": first_name, "last_name": last_name},
    )
    RoleAssignment.objects.get_or_create(person=person, role=Role.GRADUATION_SUPERVISOR)
    return person


def _seed_plan(
    plan: _Plan, student: StudentProfile, coordinator: Person, supervisor: Person, today: date
) -> None:
    institution = student.institution
    product = product_start_submit(
        student=student,
        data=StartFormData(
            title=plan.title,
            question=f"Hoe kan de school werken aan: {plan.title.lower()}?",
            expertise_area=ExpertiseArea.objects.get(institution=institution, name=plan.area),
            product_type=ProductType.objects.get(institution=institution, name=plan.kind),
            practice_supervisor=Person.objects.get(
                institution=institution, email=plan.practice_supervisor
            ),
        ),
        actor=student.person,
    )
    if plan.stage == "returned":
        product_start_return(
            product=product,
            coordinator=coordinator,
            comment="Beschrijf concreter welke vraag de school heeft en voor welke groepen.",
        )
        return
    if plan.stage == "submitted":
        return
    approved_on = today - timedelta(days=plan.approved_days_ago)
    product_start_approve(
        product=product,
        coordinator=coordinator,
        graduation_supervisor=supervisor,
        today=approved_on,
    )
    _STAGES[plan.stage](product, supervisor, approved_on)


def _upload(product: Product, phase: Phase, name: str, number: int) -> DeliverableVersion:
    product.refresh_from_db()
    return deliverable_upload(
        product=product,
        phase=phase,
        upload=ContentFile(
            tiny_pdf(f"{name} versie {number}"), name=f"{name.lower()}-v{number}.pdf"
        ),
        note="" if number == 1 else "Aangepast na je feedback.",
        actor=product.student.person,
    )


def _phase(product: Product, supervisor: Person, phase: Phase, accepted_on: date) -> None:
    """Two versions: feedback on the first, the second accepted on `accepted_on`."""
    name = "Plan van aanpak" if phase == Phase.EXPLORATION else "Eindrapport"
    first = _upload(product, phase, name, 1)
    deliverable_review(
        version=first, reviewer=supervisor, feedback=_REVIEW["feedback"], accept=False
    )
    second = _upload(product, phase, name, 2)
    deliverable_review(
        version=second,
        reviewer=supervisor,
        feedback=_REVIEW["accepted"],
        accept=True,
        today=accepted_on,
    )
    _backdate(first, accepted_on - timedelta(days=20))
    _backdate(second, accepted_on - timedelta(days=4))


def _backdate(version: DeliverableVersion, day: date) -> None:
    """Put a version and its review on the timeline the demo tells."""
    at = timezone.make_aware(datetime.combine(day, time(10, 0)))
    # Moving the demo's timeline is not a change anyone made: no history rows for it.
    with unaudited_writes():
        DeliverableVersion.objects.filter(pk=version.pk).update(uploaded_at=at)
        DeliverableReview.objects.filter(version=version).update(created_at=at + timedelta(days=2))


def _phase_1(product: Product, supervisor: Person, approved_on: date) -> None:
    _upload(product, Phase.EXPLORATION, "Plan van aanpak", 1)


def _feedback(product: Product, supervisor: Person, approved_on: date) -> None:
    version = _upload(product, Phase.EXPLORATION, "Plan van aanpak", 1)
    deliverable_review(
        version=version, reviewer=supervisor, feedback=_REVIEW["feedback"], accept=False
    )


def _delivered(product: Product, supervisor: Person, approved_on: date) -> None:
    _phase(product, supervisor, Phase.EXPLORATION, approved_on + timedelta(days=58))
    _phase(product, supervisor, Phase.DESIGN, approved_on + timedelta(days=150))


def _completed(product: Product, supervisor: Person, approved_on: date) -> None:
    _delivered(product, supervisor, approved_on)
    _sign_evaluation(EvaluationForm.objects.get(product=product))
    for part in Phase:
        part_assess(
            product=product,
            part=part,
            assessor=supervisor,
            result="passed",
            motivation="Voldoet aan alle criteria; de school gebruikt het product al.",
        )


def _sign_evaluation(form: EvaluationForm) -> None:
    """The practice supervisor fills in and signs the form, as from the e-mail link."""
    person = form.practice_supervisor
    form = evaluation_form_save(
        form=form,
        data=EvaluationData(
            usable="yes",
            usable_motivation="Het team werkt sinds maart met het signaleringsplan.",
            independent="yes",
            independent_motivation="Plande en voerde alles zelf uit; vroeg op tijd om hulp.",
            data="partly",
            data_motivation="Goede observaties; de toetsgegevens hadden ruimer gekund.",
            advice="pass",
            advice_motivation="Een bruikbaar product dat de school verder helpt.",
        ),
        actor=person,
    )
    pending = signoff_status(form).request_of(person.pk)
    assert pending is not None
    evaluation_form_sign(
        document=form,
        request_id=pending.pk,
        signer=person,
        method=Signature.Method.LINK,
        seen_hash=document_hash(form),
    )


_STAGES: dict[str, Callable[[Product, Person, date], None]] = {
    "phase_1": _phase_1,
    "feedback": _feedback,
    "delivered": _delivered,
    "completed": _completed,
}
