"""Sign-off transitions shared by every signable document.

Document services (e.g. the start application) lock their document row, check its own state,
then call these functions; these lock the signature request row, so two signers acting at the
same moment, or one signer clicking twice, can never create two signatures or lose one.
"""

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person
from lio_portal.mail import mail_send

from .hashing import content_hash
from .links import SIGN, link_issue, links_revoke
from .models import Signature, SignatureRequest, SignOffEvent
from .registry import kind_for, signed_content
from .selectors import role_label


def _of(document: models.Model) -> dict[str, object]:
    return {"content_type": ContentType.objects.get_for_model(document), "object_id": document.pk}


def document_hash(document: models.Model, role: str | None = None) -> str:
    """The hash of the whole document, or of the part a signer in `role` covers."""
    return content_hash(signed_content(document, role))


def event_log(
    *, document: models.Model, action: str, actor: Person | None = None, detail: str = ""
) -> SignOffEvent:
    return SignOffEvent.objects.create(**_of(document), action=action, actor=actor, detail=detail)


@transaction.atomic
def signature_requests_open(
    *,
    document: models.Model,
    signers: Sequence[tuple[str, Person]],
    actor: Person | None,
    notify: bool = True,
) -> list[SignatureRequest]:
    """Ask each (role, person) to sign; a role that changed person gets a new request.

    Requests already signed with a still-valid signature stay as they are; pending and sent-back
    requests are (re)sent with a fresh personal link, unless `notify` is off (the document's own
    service then tells the signers, e.g. with a link to a page they reach with their account).
    """
    open_requests = {
        r.role: r
        for r in SignatureRequest.objects.select_for_update()
        .filter(**_of(document))
        .exclude(status=SignatureRequest.Status.CANCELLED)
    }
    wanted_roles = {role for role, _person in signers}
    for role, request in open_requests.items():
        if role not in wanted_roles:
            _request_cancel(request=request, document=document, actor=actor)
    result = []
    for role, person in signers:
        request = open_requests.get(role)
        if request is not None and request.person_id != person.pk:
            _request_cancel(request=request, document=document, actor=actor)
            request = None
        if request is None:
            request = SignatureRequest.objects.create(**_of(document), role=role, person=person)
        elif request.status == SignatureRequest.Status.RETURNED:
            request.status = SignatureRequest.Status.PENDING
            request.requested_at = timezone.now()
            request.comment = ""
            request.save(update_fields=["status", "requested_at", "comment"])
        if notify and request.status == SignatureRequest.Status.PENDING:
            signature_request_mail(request=request, document=document, actor=actor)
        result.append(request)
    return result


def _request_cancel(
    *, request: SignatureRequest, document: models.Model, actor: Person | None
) -> None:
    _signatures_void_of(request=request, reason=_("The signer was replaced."))
    request.status = SignatureRequest.Status.CANCELLED
    request.save(update_fields=["status"])
    links_revoke(document=document, person=request.person, purpose=SIGN)
    event_log(
        document=document,
        action=SignOffEvent.Action.LINK_REVOKED,
        actor=actor,
        detail=_("%(name)s (%(role)s) no longer needs to sign.")
        % {"name": request.person, "role": role_label(request.role)},
    )


def signature_request_mail(
    *,
    request: SignatureRequest,
    document: models.Model,
    actor: Person | None,
    reminder: bool = False,
) -> None:
    """Mail the signer a fresh personal link to the document."""
    token = link_issue(person=request.person, purpose=SIGN, document=document)
    kind = kind_for(document)
    mail_send(
        template="signoffs/email/reminder" if reminder else "signoffs/email/sign_request",
        recipient=request.person,
        context={
            "request": request,
            "title": kind.title(document),
            "link": settings.SITE_URL + reverse("signoffs:link", args=[token]),
            "expires_in_days": settings.SIGNATURE_LINK_MAX_AGE_DAYS,
        },
    )
    action = SignOffEvent.Action.REMINDED if reminder else SignOffEvent.Action.LINK_SENT
    event_log(document=document, action=action, actor=actor, detail=str(request.person))


def signature_record(
    *,
    document: models.Model,
    request_id: int,
    signer: Person,
    method: str,
    seen_hash: str,
) -> Signature:
    """Record one signature on the content the signer saw (the caller holds a transaction).

    `seen_hash` is the whole document as the page showed it; the signature stores the hash of
    what the signer's role covers (`SignableKind.content_for_role`), which is what
    `verify_signatures` recomputes.
    """
    request = SignatureRequest.objects.select_for_update().get(pk=request_id, **_of(document))
    if request.person_id != signer.pk:
        raise PermissionDenied
    if request.status != SignatureRequest.Status.PENDING:
        raise ValidationError(_("This signature has already been given or is no longer needed."))
    current = document_hash(document)
    if seen_hash != current:
        raise ValidationError(
            _("The form was changed while you were reading it. Read it again before signing.")
        )
    now = timezone.now()
    signature = Signature.objects.create(
        **_of(document),
        request=request,
        role=request.role,
        signer=signer,
        signer_name=signer.full_name,
        method=method,
        signed_at=now,
        content_hash=document_hash(document, request.role),
    )
    request.status = SignatureRequest.Status.SIGNED
    request.acted_at = now
    request.save(update_fields=["status", "acted_at"])
    links_revoke(document=document, person=signer, purpose=SIGN)
    event_log(
        document=document, action=SignOffEvent.Action.SIGNED, actor=signer, detail=request.role
    )
    return signature


def signature_request_send_back(
    *, document: models.Model, request_id: int, signer: Person, comment: str
) -> SignatureRequest:
    """The signer refuses to sign and explains why (the caller holds a transaction)."""
    request = SignatureRequest.objects.select_for_update().get(pk=request_id, **_of(document))
    if request.person_id != signer.pk:
        raise PermissionDenied
    if request.status != SignatureRequest.Status.PENDING:
        raise ValidationError(_("This signature has already been given or is no longer needed."))
    if not comment.strip():
        raise ValidationError({"comment": _("Explain what needs to change.")})
    request.status = SignatureRequest.Status.RETURNED
    request.acted_at = timezone.now()
    request.comment = comment.strip()
    request.save(update_fields=["status", "acted_at", "comment"])
    links_revoke(document=document, person=signer, purpose=SIGN)
    event_log(
        document=document, action=SignOffEvent.Action.RETURNED, actor=signer, detail=request.comment
    )
    return request


def signature_requests_hold(*, document: models.Model, actor: Person | None) -> int:
    """The document went back to its author: withdraw the open requests and their links.

    Submitting again asks those signers anew (with a fresh link); nobody is reminded meanwhile.
    """
    held = 0
    for request in SignatureRequest.objects.select_for_update().filter(
        **_of(document), status=SignatureRequest.Status.PENDING
    ):
        request.status = SignatureRequest.Status.CANCELLED
        request.save(update_fields=["status"])
        links_revoke(document=document, person=request.person, purpose=SIGN)
        held += 1
    return held


def signatures_void(*, document: models.Model, reason: str, actor: Person | None) -> int:
    """Void every valid signature (kept in the history) and ask for them again."""
    voided = 0
    requests = SignatureRequest.objects.select_for_update().filter(
        **_of(document), status=SignatureRequest.Status.SIGNED
    )
    for request in requests:
        voided += _signatures_void_of(request=request, reason=reason)
        request.status = SignatureRequest.Status.PENDING
        request.requested_at = timezone.now()
        request.acted_at = None
        request.save(update_fields=["status", "requested_at", "acted_at"])
    if voided:
        event_log(document=document, action=SignOffEvent.Action.VOIDED, actor=actor, detail=reason)
    return voided


def _signatures_void_of(*, request: SignatureRequest, reason: str) -> int:
    count = 0
    for signature in request.signatures.filter(voided_at__isnull=True):
        signature.voided_at = timezone.now()
        signature.void_reason = reason[:200]
        signature.save(update_fields=["voided_at", "void_reason"])
        count += 1
    return count


def signature_requests_all_signed(*, document: models.Model) -> bool:
    statuses = set(
        SignatureRequest.objects.filter(**_of(document))
        .exclude(status=SignatureRequest.Status.CANCELLED)
        .values_list("status", flat=True)
    )
    return statuses == {SignatureRequest.Status.SIGNED}


@transaction.atomic
def signature_request_resend(*, request: SignatureRequest, actor: Person) -> None:
    """Withdraw the signer's earlier links and mail a new one."""
    request = SignatureRequest.objects.select_for_update().get(pk=request.pk)
    if request.status != SignatureRequest.Status.PENDING:
        raise ValidationError(_("Only an open signature request can be sent again."))
    document = request.document
    links_revoke(document=document, person=request.person, purpose=SIGN)
    signature_request_mail(request=request, document=document, actor=actor)


@transaction.atomic
def signature_request_links_revoke(*, request: SignatureRequest, actor: Person) -> int:
    document = request.document
    revoked = links_revoke(document=document, person=request.person, purpose=SIGN)
    if revoked:
        event_log(
            document=document,
            action=SignOffEvent.Action.LINK_REVOKED,
            actor=actor,
            detail=str(request.person),
        )
    return revoked


def _reminders_due(now: datetime) -> models.QuerySet[SignatureRequest]:
    first = now - timedelta(days=settings.SIGNATURE_REMINDER_AFTER_DAYS)
    again = now - timedelta(days=settings.SIGNATURE_REMINDER_INTERVAL_DAYS)
    return SignatureRequest.objects.filter(
        status=SignatureRequest.Status.PENDING, requested_at__lte=first
    ).filter(models.Q(last_reminded_at__isnull=True) | models.Q(last_reminded_at__lte=again))


def signature_reminders_send(*, now: datetime | None = None) -> int:
    """Remind signers who have not acted: first after N days, then at most every M days.

    Whether a request is due is asked again once its row is locked, so two runs at the same
    time (a retry while the first still runs) remind each signer once, not once per run.
    """
    now = now or timezone.now()
    sent = 0
    for request_id in _reminders_due(now).values_list("pk", flat=True):
        with transaction.atomic():
            request = _reminders_due(now).select_for_update().filter(pk=request_id).first()
            if request is None:
                continue
            signature_request_mail(
                request=request, document=request.document, actor=None, reminder=True
            )
            request.last_reminded_at = now
            request.reminder_count += 1
            request.save(update_fields=["last_reminded_at", "reminder_count"])
            sent += 1
    return sent
