"""Signing from a personal e-mail link (no account) or while logged in."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from internships.membership import Membership

from .forms import SendBackForm, SignForm
from .links import SIGN, LinkError, link_resolve
from .models import Signature, SignatureRequest
from .registry import kind_for
from .selectors import signoff_status
from .services import (
    document_hash,
    signature_request_links_revoke,
    signature_request_resend,
)


def _act(
    request: HttpRequest, *, document: Any, pending: SignatureRequest, signer: Any, method: str
) -> tuple[SignForm, SendBackForm, bool]:
    """Bind the posted form and call the document's transition; True when it succeeded."""
    kind = kind_for(document)
    sign_form = SignForm(initial={"content_hash": document_hash(document)})
    back_form = SendBackForm()
    try:
        if request.POST.get("action") == "sign":
            sign_form = SignForm(request.POST)
            if sign_form.is_valid():
                kind.sign(
                    document=document,
                    request_id=pending.pk,
                    signer=signer,
                    method=method,
                    seen_hash=sign_form.cleaned_data["content_hash"],
                )
                messages.success(request, _("Thank you: your signature has been recorded."))
                return sign_form, back_form, True
        elif request.POST.get("action") == "send_back" and kind.send_back is not None:
            back_form = SendBackForm(request.POST)
            if back_form.is_valid():
                kind.send_back(
                    document=document,
                    request_id=pending.pk,
                    signer=signer,
                    comment=back_form.cleaned_data["comment"],
                )
                messages.success(request, _("The form has been sent back with your comment."))
                return sign_form, back_form, True
    except ValidationError as exc:
        target = back_form if request.POST.get("action") == "send_back" else sign_form
        target.add_error(None, exc)
    return sign_form, back_form, False


@login_not_required
def link_page(request: HttpRequest, token: str) -> HttpResponse:
    """The page a signer without an account reaches from the e-mail."""
    try:
        link = link_resolve(token=token, purpose=SIGN)
    except LinkError as exc:
        return render(request, "signoffs/link_invalid.html", {"message": exc.message}, status=404)
    document = link.document
    if document is None:
        raise Http404
    status = signoff_status(document)
    pending = status.request_of(link.person_id)
    sign_form = SignForm(initial={"content_hash": document_hash(document)})
    back_form = SendBackForm()
    if request.method == "POST" and pending is not None:
        sign_form, back_form, done = _act(
            request,
            document=document,
            pending=pending,
            signer=link.person,
            method=Signature.Method.LINK,
        )
        if done:
            return redirect("signoffs:done")
    return render(
        request,
        "signoffs/link_page.html",
        {
            "document": document,
            "kind": kind_for(document),
            "title": kind_for(document).title(document),
            "person": link.person,
            "pending": pending,
            "status": status,
            "sign_form": sign_form,
            "back_form": back_form,
            "can_send_back": kind_for(document).send_back is not None,
        },
    )


@login_not_required
def done(request: HttpRequest) -> HttpResponse:
    return render(request, "signoffs/done.html")


def _own_request(request: HttpRequest, pk: int) -> tuple[SignatureRequest, Membership]:
    membership: Membership = request.membership  # type: ignore[attr-defined]
    if membership.person is None:
        raise PermissionDenied
    signature_request = get_object_or_404(
        SignatureRequest.objects.select_related("person"),
        pk=pk,
        person__institution=membership.person.institution_id,
    )
    return signature_request, membership


@require_POST
def request_act(request: HttpRequest, pk: int) -> HttpResponse:
    """A signer with an account signs or sends back from the document's page."""
    signature_request, membership = _own_request(request, pk)
    if signature_request.person_id != membership.person.pk:  # type: ignore[union-attr]
        raise Http404
    document = signature_request.document
    kind = kind_for(document)
    if signature_request.status != SignatureRequest.Status.PENDING:
        messages.error(request, _("This signature has already been given or is no longer needed."))
        return redirect(kind.detail_url(document))
    sign_form, back_form, done = _act(
        request,
        document=document,
        pending=signature_request,
        signer=membership.person,
        method=Signature.Method.ACCOUNT,
    )
    if not done:
        for form in (sign_form, back_form):
            for error in form.errors.values():
                messages.error(request, " ".join(error))
    return redirect(kind.detail_url(document))


def _managed_request(request: HttpRequest, pk: int) -> tuple[SignatureRequest, Membership]:
    signature_request, membership = _own_request(request, pk)
    if not kind_for(signature_request.document).can_manage(signature_request.document, membership):
        raise Http404
    return signature_request, membership


@require_POST
def request_resend(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request, membership = _managed_request(request, pk)
    try:
        signature_request_resend(request=signature_request, actor=membership.person)  # type: ignore[arg-type]
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            _("A new link has been sent to %(name)s.") % {"name": signature_request.person},
        )
    return redirect(kind_for(signature_request.document).detail_url(signature_request.document))


@require_POST
def request_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    signature_request, membership = _managed_request(request, pk)
    revoked = signature_request_links_revoke(request=signature_request, actor=membership.person)  # type: ignore[arg-type]
    messages.success(
        request,
        _("%(count)s link(s) of %(name)s withdrawn.")
        % {"count": revoked, "name": signature_request.person},
    )
    return redirect(kind_for(signature_request.document).detail_url(signature_request.document))
