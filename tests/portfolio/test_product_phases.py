"""The phases of the professional product: versions of the plan of approach and the final
report, the graduation supervisor's feedback and acceptance (which closes a phase), and the
result of each part with its credits (DOMAIN.md: 5 ec for part I, 9 ec for part II)."""

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction
from django.utils import translation

from internships.models import Role
from portfolio.models import (
    DeliverableReview,
    EvaluationForm,
    PartAssessment,
    Phase,
    ProductStatus,
)
from portfolio.services import deliverable_review, deliverable_upload, part_assess
from tests.conftest import World
from tests.factories import PersonFactory, RoleAssignmentFactory
from tests.portfolio.conftest import student_of
from tests.portfolio.products import (
    accept,
    delivered,
    in_phase_1,
    in_phase_2,
    report,
    sign_evaluation,
    submitted,
    upload,
)

pytestmark = pytest.mark.django_db


def _assess(world: World, product: Any, part: int, result: str = "passed") -> PartAssessment:
    return part_assess(
        product=product,
        part=part,
        assessor=world.people[Role.GRADUATION_SUPERVISOR],
        result=result,
        motivation="Voldoet.",
    )


def test_versions_are_numbered_per_phase(world: World) -> None:
    product = in_phase_1(world)
    first = upload(world, product, Phase.EXPLORATION)
    second = upload(world, product, Phase.EXPLORATION)
    assert (first.number, second.number) == (1, 2)
    with translation.override("nl"):
        assert first.deliverable_label == "Plan van aanpak"  # DOMAIN.md: plan van aanpak


def test_the_graduation_supervisor_hears_of_a_new_version(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = in_phase_1(world)
    with django_capture_on_commit_callbacks(execute=True):
        upload(world, product, Phase.EXPLORATION)
    assert mail.outbox[-1].to == [world.people[Role.GRADUATION_SUPERVISOR].email]


def test_no_version_before_the_start_form_is_approved(world: World) -> None:
    product = submitted(world)
    with pytest.raises(ValidationError):
        upload(world, product, Phase.EXPLORATION)


def test_the_final_report_waits_for_phase_2(world: World) -> None:
    product = in_phase_1(world)
    with pytest.raises(ValidationError):
        upload(world, product, Phase.DESIGN)


def test_the_plan_of_approach_closes_with_phase_1(world: World) -> None:
    product = in_phase_2(world)
    with pytest.raises(ValidationError):
        upload(world, product, Phase.EXPLORATION)


def test_only_the_student_uploads(world: World) -> None:
    product = in_phase_1(world)
    with pytest.raises(PermissionDenied):
        deliverable_upload(
            product=product,
            phase=Phase.EXPLORATION,
            upload=report(),
            note="",
            actor=world.people[Role.GRADUATION_SUPERVISOR],
        )


def test_an_upload_is_checked_by_its_content(world: World) -> None:
    product = in_phase_1(world)
    fake = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ValidationError) as exc:
        deliverable_upload(
            product=product,
            phase=Phase.EXPLORATION,
            upload=fake,
            note="",
            actor=student_of(world).person,
        )
    assert "file" in exc.value.message_dict


def test_feedback_keeps_the_phase_open(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = in_phase_1(world)
    version = upload(world, product, Phase.EXPLORATION)
    with django_capture_on_commit_callbacks(execute=True):
        review = deliverable_review(
            version=version,
            reviewer=world.people[Role.GRADUATION_SUPERVISOR],
            feedback="Maak de vraag concreter.",
            accept=False,
        )
    assert review.decision == DeliverableReview.Decision.FEEDBACK
    product.refresh_from_db()
    assert product.status == ProductStatus.PHASE_1
    assert mail.outbox[-1].to == [student_of(world).person.email]
    assert "Maak de vraag concreter." in mail.outbox[-1].body


def test_accepting_the_plan_of_approach_closes_phase_1(world: World) -> None:
    product = in_phase_1(world)
    version = upload(world, product, Phase.EXPLORATION)
    deliverable_review(
        version=version,
        reviewer=world.people[Role.GRADUATION_SUPERVISOR],
        feedback="Goed.",
        accept=True,
        today=date(2026, 11, 2),
    )
    product.refresh_from_db()
    assert product.status == ProductStatus.PHASE_2
    assert product.phase_1_accepted_on == date(2026, 11, 2)


def test_only_the_latest_version_is_reviewed_once(world: World) -> None:
    product = in_phase_1(world)
    first = upload(world, product, Phase.EXPLORATION)
    second = upload(world, product, Phase.EXPLORATION)
    supervisor = world.people[Role.GRADUATION_SUPERVISOR]
    with pytest.raises(ValidationError):
        deliverable_review(version=first, reviewer=supervisor, feedback="x", accept=False)
    deliverable_review(version=second, reviewer=supervisor, feedback="x", accept=False)
    with pytest.raises(ValidationError):
        deliverable_review(version=second, reviewer=supervisor, feedback="y", accept=True)


def test_feedback_needs_text(world: World) -> None:
    product = in_phase_1(world)
    version = upload(world, product, Phase.EXPLORATION)
    with pytest.raises(ValidationError):
        deliverable_review(
            version=version,
            reviewer=world.people[Role.GRADUATION_SUPERVISOR],
            feedback=" ",
            accept=True,
        )


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.PRACTICE_SUPERVISOR, Role.MENTOR])
def test_only_the_assigned_graduation_supervisor_reviews(world: World, role: str) -> None:
    product = in_phase_1(world)
    version = upload(world, product, Phase.EXPLORATION)
    with pytest.raises(PermissionDenied):
        deliverable_review(version=version, reviewer=world.people[role], feedback="x", accept=True)


def test_another_graduation_supervisor_does_not_review_or_assess(world: World) -> None:
    product = in_phase_2(world)
    colleague = RoleAssignmentFactory(
        person=PersonFactory(institution=world.institution), role=Role.GRADUATION_SUPERVISOR
    ).person
    version = upload(world, product, Phase.DESIGN)
    with pytest.raises(PermissionDenied):
        deliverable_review(version=version, reviewer=colleague, feedback="x", accept=True)
    with pytest.raises(PermissionDenied):
        part_assess(product=product, part=1, assessor=colleague, result="passed", motivation="x")


def test_accepting_the_final_report_delivers_and_sends_the_evaluation_form(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = in_phase_2(world)
    version = upload(world, product, Phase.DESIGN)
    with django_capture_on_commit_callbacks(execute=True):
        accept(world, version)
    product.refresh_from_db()
    assert product.status == ProductStatus.DELIVERED
    assert product.phase_2_accepted_on is not None
    form = EvaluationForm.objects.get(product=product)
    practice_supervisor = world.people[Role.PRACTICE_SUPERVISOR]
    assert form.practice_supervisor == practice_supervisor
    assert form.status == EvaluationForm.Status.OPEN
    recipients = [m.to[0] for m in mail.outbox]
    assert practice_supervisor.email in recipients
    assert "/portfolio/evaluation/" in mail.outbox[recipients.index(practice_supervisor.email)].body


def test_part_1_credits_are_recorded_with_date_and_assessor(world: World) -> None:
    product = in_phase_2(world)
    assessment = _assess(world, product, Phase.EXPLORATION)
    assert assessment.credits == 5
    assert assessment.assessor == world.people[Role.GRADUATION_SUPERVISOR]
    assert assessment.created_at is not None
    product.refresh_from_db()
    assert product.status == ProductStatus.PHASE_2  # one part passed: not complete yet


def test_part_1_waits_for_the_accepted_plan_of_approach(world: World) -> None:
    with pytest.raises(ValidationError):
        _assess(world, in_phase_1(world), Phase.EXPLORATION)


def test_part_2_waits_for_the_signed_evaluation_form(world: World) -> None:
    product = delivered(world)
    with pytest.raises(ValidationError):
        _assess(world, product, Phase.DESIGN)
    sign_evaluation(world, product)
    assert _assess(world, product, Phase.DESIGN).credits == 9


def test_not_passed_records_no_credits_and_may_be_assessed_again(world: World) -> None:
    product = in_phase_2(world)
    failed = _assess(world, product, Phase.EXPLORATION, result="not_passed")
    assert failed.credits == 0
    assert _assess(world, product, Phase.EXPLORATION).credits == 5
    with pytest.raises(ValidationError):
        _assess(world, product, Phase.EXPLORATION)


def test_the_result_needs_a_motivation(world: World) -> None:
    with pytest.raises(ValidationError):
        part_assess(
            product=in_phase_2(world),
            part=1,
            assessor=world.people[Role.GRADUATION_SUPERVISOR],
            result="passed",
            motivation="",
        )


def test_both_parts_passed_complete_the_product(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    product = delivered(world)
    sign_evaluation(world, product)
    _assess(world, product, Phase.DESIGN)
    product.refresh_from_db()
    assert product.status == ProductStatus.DELIVERED
    with django_capture_on_commit_callbacks(execute=True):
        _assess(world, product, Phase.EXPLORATION)
    product.refresh_from_db()
    assert product.status == ProductStatus.COMPLETED
    assert sum(product.assessments.values_list("credits", flat=True)) == 14
    assert mail.outbox[-1].to == [student_of(world).person.email]


def test_the_database_keeps_the_credits_of_each_part(world: World) -> None:
    product = in_phase_2(world)
    assessor = world.people[Role.GRADUATION_SUPERVISOR]
    with pytest.raises(IntegrityError), transaction.atomic():
        PartAssessment.objects.create(
            product=product, part=1, result="passed", credits=9, motivation="x", assessor=assessor
        )
