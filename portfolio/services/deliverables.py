"""The phases of the professional product (DOMAIN.md, *beroepsproduct*): the student uploads
versions of the phase's deliverable (plan of approach, final report); the graduation supervisor
gives feedback or accepts the latest version, which closes the phase. Accepting the final report
sends the practice supervisor the evaluation form. Each part is then assessed (pass/fail with a
motivation); a pass records its credits (5 ec for part I, 9 ec for part II)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person

from ..models import (
    PART_CREDITS,
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
    Phase,
    ProductEvent,
    ProductStatus,
    ProfessionalProduct,
)
from ._common import checked, save_with_file
from .evaluation import evaluation_form_open
from .product_notify import notify_part_assessed, notify_version_reviewed, notify_version_uploaded
from .products import locked_product, product_event

# The status in which each phase's deliverable is worked on.
PHASE_STATUS = {Phase.EXPLORATION: ProductStatus.PHASE_1, Phase.DESIGN: ProductStatus.PHASE_2}


def _require_phase_open(product: ProfessionalProduct, phase: int) -> None:
    if product.status != PHASE_STATUS[Phase(phase)]:
        raise ValidationError(_("This phase is not open: no versions can be added or reviewed."))


@transaction.atomic
def deliverable_upload(
    *, product: ProfessionalProduct, phase: int, upload: File, note: str, actor: Person
) -> DeliverableVersion:
    """The student adds a version of the open phase's deliverable (checked by its content)."""
    checked_upload = checked(upload)
    product = locked_product(product)
    if actor.pk != product.student.person_id:
        raise PermissionDenied
    _require_phase_open(product, phase)
    last = product.versions.filter(phase=phase).aggregate(last=Max("number"))["last"] or 0
    version = DeliverableVersion(
        product=product, phase=phase, number=last + 1, note=note.strip(), uploaded_by=actor
    )
    save_with_file(version, checked_upload)
    product_event(
        product=product,
        action=ProductEvent.Action.UPLOADED,
        actor=actor,
        phase=phase,
        comment=f"v{version.number}",
    )
    notify_version_uploaded(version=version)
    return version


def _require_supervisor(product: ProfessionalProduct, person: Person) -> None:
    """Only the graduation supervisor assigned to this product reviews and assesses it."""
    if product.graduation_supervisor_id != person.pk:
        raise PermissionDenied


@transaction.atomic
def deliverable_review(
    *,
    version: DeliverableVersion,
    reviewer: Person,
    feedback: str,
    accept: bool,
    today: date | None = None,
) -> DeliverableReview:
    """Feedback on the latest version of the open phase; accepting it closes the phase."""
    product = locked_product(version.product)
    _require_supervisor(product, reviewer)
    _require_phase_open(product, version.phase)
    latest = product.versions.filter(phase=version.phase).order_by("-number").first()
    if latest is None or latest.pk != version.pk:
        raise ValidationError(_("Only the latest version can be reviewed."))
    if DeliverableReview.objects.filter(version=version).exists():
        raise ValidationError(_("This version has been reviewed already."))
    if not feedback.strip():
        raise ValidationError({"feedback": _("Write your feedback.")})
    decision = (
        DeliverableReview.Decision.ACCEPTED if accept else DeliverableReview.Decision.FEEDBACK
    )
    review = DeliverableReview.objects.create(
        version=version, reviewer=reviewer, feedback=feedback.strip(), decision=decision
    )
    action = ProductEvent.Action.ACCEPTED if accept else ProductEvent.Action.FEEDBACK
    product_event(
        product=product,
        action=action,
        actor=reviewer,
        phase=version.phase,
        comment=f"v{version.number}",
    )
    if accept:
        _close_phase(product, Phase(version.phase), reviewer, today or timezone.localdate())
    notify_version_reviewed(review=review)
    return review


def _close_phase(product: ProfessionalProduct, phase: Phase, actor: Person, today: date) -> None:
    if phase == Phase.EXPLORATION:
        product.status = ProductStatus.PHASE_2
        product.phase_1_accepted_on = today
    else:
        product.status = ProductStatus.DELIVERED
        product.phase_2_accepted_on = today
    product.save(
        update_fields=["status", "phase_1_accepted_on", "phase_2_accepted_on", "updated_at"]
    )
    if phase == Phase.DESIGN:
        evaluation_form_open(product=product, actor=actor)


def _require_assessable(product: ProfessionalProduct, part: Phase) -> None:
    if part == Phase.EXPLORATION and product.phase_1_accepted_on is None:
        raise ValidationError(_("Part I is assessed once the plan of approach is accepted."))
    if part == Phase.DESIGN:
        if product.phase_2_accepted_on is None:
            raise ValidationError(_("Part II is assessed once the final report is accepted."))
        form = EvaluationForm.objects.filter(product=product).first()
        if form is None or not form.is_signed:
            raise ValidationError(
                _("Part II is assessed once the practice supervisor signed the evaluation form.")
            )
    if product.assessments.filter(part=part, result=PartAssessment.Result.PASSED).exists():
        raise ValidationError(_("This part has been passed already."))


@transaction.atomic
def part_assess(
    *, product: ProfessionalProduct, part: int, assessor: Person, result: str, motivation: str
) -> PartAssessment:
    """The graduation supervisor records the result of a part; a pass records its credits.
    Both parts passed completes the professional product."""
    product = locked_product(product)
    _require_supervisor(product, assessor)
    part = Phase(part)
    _require_assessable(product, part)
    if result not in PartAssessment.Result.values:
        raise ValidationError({"result": _("Choose a result.")})
    if not motivation.strip():
        raise ValidationError({"motivation": _("Give the motivation of the result.")})
    passed = result == PartAssessment.Result.PASSED
    assessment = PartAssessment.objects.create(
        product=product,
        part=part,
        result=result,
        motivation=motivation.strip(),
        credits=PART_CREDITS[part] if passed else 0,
        assessor=assessor,
    )
    product_event(product=product, action=ProductEvent.Action.ASSESSED, actor=assessor, phase=part)
    passed_parts = set(
        product.assessments.filter(result=PartAssessment.Result.PASSED).values_list(
            "part", flat=True
        )
    )
    if passed_parts == {Phase.EXPLORATION, Phase.DESIGN}:
        product.status = ProductStatus.COMPLETED
        product.save(update_fields=["status", "updated_at"])
    notify_part_assessed(assessment=assessment)
    return assessment
