"""Helpers of the professional-product tests: a product brought to each stage through the
services, as the people of a `World` would."""

from django.core.files.uploadedfile import SimpleUploadedFile

from internships.models import Role
from portfolio.demo_files import tiny_pdf
from portfolio.models import DeliverableVersion, EvaluationForm, Phase, ProfessionalProduct
from portfolio.services import (
    EvaluationData,
    StartFormData,
    deliverable_review,
    deliverable_upload,
    evaluation_form_save,
    product_start_approve,
    product_start_submit,
)
from portfolio.services.evaluation import evaluation_form_sign
from signoffs.models import Signature
from signoffs.selectors import signoff_status
from signoffs.services import document_hash
from tests.conftest import World
from tests.factories import ExpertiseAreaFactory, ProductTypeFactory
from tests.portfolio.conftest import student_of

COMPLETE_ANSWERS = EvaluationData(
    usable="yes",
    usable_motivation="Het team gebruikt het al.",
    independent="yes",
    independent_motivation="Zelfstandig gepland en uitgevoerd.",
    data="partly",
    data_motivation="Observaties goed, toetsgegevens beperkt.",
    advice="pass",
    advice_motivation="Bruikbaar product.",
)


def report(name: str = "plan-van-aanpak.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf("Plan van aanpak"), "application/pdf")


def start_data(world: World, **changes: object) -> StartFormData:
    institution = world.institution
    values = {
        "title": "Rust in de klas",
        "question": "Hoe krijgen we meer rust bij de overgangen?",
        "expertise_area": ExpertiseAreaFactory(institution=institution),
        "product_type": ProductTypeFactory(institution=institution),
        "practice_supervisor": world.people[Role.PRACTICE_SUPERVISOR],
    } | changes
    return StartFormData(**values)  # type: ignore[arg-type]


def submitted(world: World) -> ProfessionalProduct:
    student = student_of(world)
    return product_start_submit(student=student, data=start_data(world), actor=student.person)


def in_phase_1(world: World) -> ProfessionalProduct:
    return product_start_approve(
        product=submitted(world),
        coordinator=world.people[Role.COORDINATOR],
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
    )


def upload(world: World, product: ProfessionalProduct, phase: Phase) -> DeliverableVersion:
    return deliverable_upload(
        product=product, phase=phase, upload=report(), note="", actor=student_of(world).person
    )


def accept(world: World, version: DeliverableVersion) -> None:
    deliverable_review(
        version=version,
        reviewer=world.people[Role.GRADUATION_SUPERVISOR],
        feedback="Goed.",
        accept=True,
    )


def in_phase_2(world: World) -> ProfessionalProduct:
    product = in_phase_1(world)
    accept(world, upload(world, product, Phase.EXPLORATION))
    product.refresh_from_db()
    return product


def delivered(world: World) -> ProfessionalProduct:
    product = in_phase_2(world)
    accept(world, upload(world, product, Phase.DESIGN))
    product.refresh_from_db()
    return product


def sign_evaluation(world: World, product: ProfessionalProduct) -> EvaluationForm:
    form = EvaluationForm.objects.get(product=product)
    person = world.people[Role.PRACTICE_SUPERVISOR]
    form = evaluation_form_save(form=form, data=COMPLETE_ANSWERS, actor=person)
    request = signoff_status(form).request_of(person.pk)
    assert request is not None
    return evaluation_form_sign(
        document=form,
        request_id=request.pk,
        signer=person,
        method=Signature.Method.ACCOUNT,
        seen_hash=document_hash(form),
    )
