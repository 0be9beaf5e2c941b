"""The practice supervisor's evaluation form (DOMAIN.md, *beroepsproduct*): sent when the final
report is accepted; three questions with a judgement and a motivation, and an overall advice.
The practice supervisor fills it in and signs it, from a personal link or logged in; signing
locks it. It is a signable document of the sign-off mechanism (`portfolio/signables.py`)."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person, Role
from signoffs import services as signoffs
from signoffs.links import SIGN, link_issue, links_revoke
from signoffs.models import SignOffEvent

from ..models import EVALUATION_QUESTIONS, EvaluationForm, ProductEvent, ProfessionalProduct
from ..pdf import evaluation_form_pdf_store_later
from .product_notify import notify_evaluation_request, notify_evaluation_signed
from .products import product_event

SIGNER_ROLE = Role.PRACTICE_SUPERVISOR


@dataclass(frozen=True)
class EvaluationData:
    usable: str = ""
    usable_motivation: str = ""
    independent: str = ""
    independent_motivation: str = ""
    data: str = ""
    data_motivation: str = ""
    advice: str = ""
    advice_motivation: str = ""


def evaluation_form_content(form: EvaluationForm) -> dict[str, Any]:
    """The canonical content a signature covers."""
    product = form.product
    return {
        "student": {"id": product.student_id, "name": product.student.person.full_name},
        "title": product.title,
        "practice_supervisor": {
            "id": form.practice_supervisor_id,
            "name": form.practice_supervisor.full_name,
        },
        "answers": {
            name: {
                "judgement": getattr(form, name),
                "motivation": getattr(form, f"{name}_motivation"),
            }
            for name, _question in EVALUATION_QUESTIONS
        },
        "advice": {"advice": form.advice, "motivation": form.advice_motivation},
    }


def evaluation_link_url(token: str) -> str:
    return settings.SITE_URL + reverse("portfolio:evaluation-link", args=[token])


def evaluation_form_open(*, product: ProfessionalProduct, actor: Person) -> EvaluationForm:
    """Create the form for the product's practice supervisor and mail them a personal link to
    fill it in and sign it (the caller holds the product's lock)."""
    if product.practice_supervisor is None:
        raise ValidationError(_("The start form names no practice supervisor."))
    form, _created = EvaluationForm.objects.get_or_create(
        product=product, defaults={"practice_supervisor": product.practice_supervisor}
    )
    signoffs.event_log(document=form, action=SignOffEvent.Action.CREATED, actor=actor)
    signoffs.signature_requests_open(
        document=form, signers=[(SIGNER_ROLE, form.practice_supervisor)], actor=actor, notify=False
    )
    evaluation_link_send(form=form, actor=actor)
    return form


def evaluation_link_send(*, form: EvaluationForm, actor: Person | None) -> None:
    """Withdraw the practice supervisor's earlier links and mail a new one to the fill-in page."""
    links_revoke(document=form, person=form.practice_supervisor, purpose=SIGN)
    token = link_issue(person=form.practice_supervisor, purpose=SIGN, document=form)
    notify_evaluation_request(form=form, link=evaluation_link_url(token))
    signoffs.event_log(
        document=form,
        action=SignOffEvent.Action.LINK_SENT,
        actor=actor,
        detail=str(form.practice_supervisor),
    )
    product_event(product=form.product, action=ProductEvent.Action.EVALUATION_SENT, actor=actor)


def _locked(form: EvaluationForm) -> EvaluationForm:
    return (
        EvaluationForm.objects.select_for_update()
        .select_related("product__student__person", "practice_supervisor")
        .get(pk=form.pk)
    )


def _require_open(form: EvaluationForm) -> None:
    if form.is_signed:
        raise ValidationError(
            _("The evaluation form has been signed; it can no longer be changed."), code="signed"
        )


@transaction.atomic
def evaluation_form_save(
    *, form: EvaluationForm, data: EvaluationData, actor: Person
) -> EvaluationForm:
    """The practice supervisor fills in (part of) the form; refused once it is signed."""
    form = _locked(form)
    if actor.pk != form.practice_supervisor_id:
        raise PermissionDenied
    _require_open(form)
    before = signoffs.document_hash(form)
    for name, value in data.__dict__.items():
        setattr(form, name, value.strip())
    form.full_clean()
    form.save()
    if before != signoffs.document_hash(form):
        signoffs.event_log(document=form, action=SignOffEvent.Action.EDITED, actor=actor)
    return form


@transaction.atomic
def evaluation_form_sign(
    *, document: EvaluationForm, request_id: int, signer: Person, method: str, seen_hash: str
) -> EvaluationForm:
    """Sign the completed form; from now on it cannot change. The graduation supervisor is told."""
    form = _locked(document)
    _require_open(form)
    if not form.is_complete:
        raise ValidationError(
            _("Give every judgement with its motivation, and your advice, before signing.")
        )
    signoffs.signature_record(
        document=form, request_id=request_id, signer=signer, method=method, seen_hash=seen_hash
    )
    form.status = EvaluationForm.Status.SIGNED
    form.signed_at = timezone.now()
    form.save(update_fields=["status", "signed_at", "updated_at"])
    signoffs.event_log(document=form, action=SignOffEvent.Action.COMPLETED)
    product_event(product=form.product, action=ProductEvent.Action.EVALUATION_SIGNED, actor=signer)
    evaluation_form_pdf_store_later(form=form)
    notify_evaluation_signed(form=form)
    return form


@transaction.atomic
def evaluation_link_resend(*, form: EvaluationForm, actor: Person) -> None:
    """The coordinator or the product's graduation supervisor sends the practice supervisor a
    new link (the old ones stop working)."""
    form = _locked(form)
    product = form.product
    is_coordinator = actor.role_assignments.filter(role=Role.COORDINATOR).exists()
    if actor.institution_id != product.student.institution_id or not (
        is_coordinator or product.graduation_supervisor_id == actor.pk
    ):
        raise PermissionDenied
    _require_open(form)
    evaluation_link_send(form=form, actor=actor)
