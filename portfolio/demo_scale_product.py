"""Professional products for the scale seeder (`seed_demo --students N`, a bulk seeder).

Track-NL students with an active or completed LIO have a product in every stage (DOMAIN.md,
*beroepsproduct*): none or not started, an exemption, a submitted start form, phase I or II
under a graduation supervisor, delivered with the practice supervisor's evaluation form still
open, or completed with the form signed and both parts passed. The practice supervisor is the
student's mentor ("may be the mentor"). The signature on an evaluation form hashes the same
content function the services use, so `verify_signatures` finds it intact.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from internships.demo_scale import ScaleBatch
from internships.models import Placement, Role, RoleAssignment, Track
from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest, SignOffEvent

from .models import PART_CREDITS, EvaluationForm, ExpertiseArea, PartAssessment, Phase, ProductType
from .models import ProductStatus as S
from .models import ProfessionalProduct as Product
from .services.evaluation import SIGNER_ROLE, evaluation_form_content

_BATCH = 1000
_STARTED = (Placement.Status.ACTIVE, Placement.Status.COMPLETED)
# The first products of a batch take every status in turn, then they are drawn with weights.
_STATUSES = [None, S.EXEMPT, S.SUBMITTED, S.PHASE_1, S.PHASE_2, S.DELIVERED, S.COMPLETED]
_WEIGHTS = [8, 7, 5, 30, 25, 12, 13]
_WITH_FORM = (S.DELIVERED, S.COMPLETED)
_ANSWERS = {
    "usable": "yes",
    "usable_motivation": "Het team gebruikt het product sinds de laatste studiedag.",
    "independent": "yes",
    "independent_motivation": "Plande en voerde alles zelf uit.",
    "data": "partly",
    "data_motivation": "Goede observaties; de toetsgegevens hadden ruimer gekund.",
    "advice": "pass",
    "advice_motivation": "Een bruikbaar product dat de school verder helpt.",
}


def seed_products_scale(batch: ScaleBatch) -> None:
    if batch.programme.track != Track.NL or not batch.graduation_supervisors:
        return
    rng = Random(f"product-{batch.institution.pk}-{batch.first_number}")  # noqa: S311  # nosec B311
    areas = list(ExpertiseArea.objects.filter(institution=batch.institution, active=True))
    kinds = list(ProductType.objects.filter(institution=batch.institution, active=True))
    placements = [p for p in batch.placements if p.status in _STARTED]
    products = []
    for number, placement in enumerate(placements):
        status = _STATUSES[number] if number < len(_STATUSES) else _draw(rng)
        if status is not None:
            products.append(_product(placement, status, batch, rng, areas, kinds))
    Product.objects.bulk_create(products, batch_size=_BATCH)
    _practice_supervisors(products, placements)
    _evaluations([p for p in products if p.status in _WITH_FORM])
    PartAssessment.objects.bulk_create(
        [_part(p, part) for p in products if p.status == S.COMPLETED for part in Phase],
        batch_size=_BATCH,
    )


def _draw(rng: Random) -> str | None:
    return rng.choices(_STATUSES, _WEIGHTS)[0]


def _product(
    placement: Placement,
    status: str,
    batch: ScaleBatch,
    rng: Random,
    areas: list[ExpertiseArea],
    kinds: list[ProductType],
) -> Product:
    start = placement.start_date or batch.reference
    product = Product(student=placement.student, status=status)
    if status == S.EXEMPT:
        product.exemption_reason = "Eerder behaalde minor met een vergelijkbaar product."
        return product
    submitted = start - timedelta(days=rng.randint(90, 150))
    product.title = "Coöperatieve werkvormen in de rekenles"
    product.question = "Hoe zet het team coöperatieve werkvormen in bij rekenen?"
    product.expertise_area = rng.choice(areas) if areas else None
    product.product_type = rng.choice(kinds) if kinds else None
    product.practice_supervisor = placement.mentor
    product.submitted_at = _moment(submitted)
    if status == S.SUBMITTED:
        return product
    product.approved_on = submitted + timedelta(days=7)
    product.graduation_supervisor = rng.choice(batch.graduation_supervisors)
    if status != S.PHASE_1:
        product.phase_1_accepted_on = product.approved_on + timedelta(days=58)
    if status in _WITH_FORM:
        product.phase_2_accepted_on = min(
            product.phase_1_accepted_on + timedelta(days=90),  # type: ignore[operator]
            batch.reference - timedelta(days=rng.randint(3, 20)),
        )
    return product


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _practice_supervisors(products: list[Product], placements: list[Placement]) -> None:
    """The mentors who supervise a product hold the role at their school."""
    schools = {p.student_id: p.school_id for p in placements}
    pairs = {
        (p.practice_supervisor_id, schools[p.student_id])
        for p in products
        if p.practice_supervisor_id is not None
    }
    RoleAssignment.objects.bulk_create(
        [
            RoleAssignment(person_id=person, role=Role.PRACTICE_SUPERVISOR, school_id=school)
            for person, school in sorted(pairs)
        ],
        batch_size=_BATCH,
    )


def _evaluations(products: list[Product]) -> None:
    """The open form of a delivered product; the signed one of a completed product."""
    forms = [_form(p) for p in products]
    EvaluationForm.objects.bulk_create(forms, batch_size=_BATCH)
    kind = ContentType.objects.get_for_model(EvaluationForm)
    requests = [_request(form, kind) for form in forms]
    SignatureRequest.objects.bulk_create(requests, batch_size=_BATCH)
    signed = [(form, r) for form, r in zip(forms, requests, strict=True) if form.is_signed]
    Signature.objects.bulk_create(
        [_signature(form, request) for form, request in signed], batch_size=_BATCH
    )
    events = [_event(f, kind, SignOffEvent.Action.CREATED, _opened(f.product)) for f in forms]
    events += [_event(f, kind, SignOffEvent.Action.SIGNED, f.signed_at) for f, _r in signed]
    SignOffEvent.objects.bulk_create(events, batch_size=_BATCH)


def _form(product: Product) -> EvaluationForm:
    assert product.phase_2_accepted_on is not None and product.practice_supervisor is not None
    opened = _opened(product)
    form = EvaluationForm(product=product, practice_supervisor=product.practice_supervisor)
    if product.status == S.COMPLETED:
        for name, value in _ANSWERS.items():
            setattr(form, name, value)
        form.status, form.signed_at = EvaluationForm.Status.SIGNED, opened + timedelta(days=2)
    return form


def _opened(product: Product) -> datetime:
    """When the form was sent: the day the final report was accepted."""
    assert product.phase_2_accepted_on is not None
    return _moment(product.phase_2_accepted_on, 11)


def _request(form: EvaluationForm, kind: ContentType) -> SignatureRequest:
    request = SignatureRequest(
        content_type=kind,
        object_id=form.pk,
        role=SIGNER_ROLE,
        person=form.practice_supervisor,
        requested_at=_opened(form.product),
    )
    if form.is_signed:
        request.status, request.acted_at = SignatureRequest.Status.SIGNED, form.signed_at
    return request


def _signature(form: EvaluationForm, request: SignatureRequest) -> Signature:
    return Signature(
        content_type=request.content_type,
        object_id=form.pk,
        request=request,
        role=SIGNER_ROLE,
        signer=form.practice_supervisor,
        signer_name=form.practice_supervisor.full_name,
        method=Signature.Method.LINK,
        signed_at=form.signed_at,
        content_hash=content_hash(evaluation_form_content(form)),
    )


def _event(form: EvaluationForm, kind: ContentType, action: str, when: object) -> SignOffEvent:
    return SignOffEvent(content_type=kind, object_id=form.pk, action=action, created_at=when)


def _part(product: Product, part: Phase) -> PartAssessment:
    return PartAssessment(
        product=product,
        part=part,
        result=PartAssessment.Result.PASSED,
        motivation="Voldoet aan alle criteria; de school gebruikt het product al.",
        credits=PART_CREDITS[part],
        assessor=product.graduation_supervisor,
    )
