"""The practice supervisor's evaluation form: the mail with the personal link, filling in and
signing from the link or logged in, the lock after signing, the advice beside the report, the
PDF with signature and verification code."""

import io
import re
from dataclasses import replace
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from internships.models import Role
from portfolio.models import EvaluationForm, ProductStatus
from portfolio.services import evaluation_form_save, evaluation_link_resend
from signoffs.links import SIGN, link_issue
from signoffs.models import Signature
from signoffs.selectors import signoff_status
from signoffs.services import document_hash
from tests.conftest import World, client_for
from tests.portfolio.conftest import student_of
from tests.portfolio.products import (
    COMPLETE_ANSWERS,
    accept,
    in_phase_2,
    sign_evaluation,
    upload,
)

pytestmark = pytest.mark.django_db


def dutch(text: str) -> str:
    """The portal speaks Dutch unless asked otherwise."""
    with translation.override("nl"):
        return translation.gettext(text)


LINK = re.compile(r"https?://[^/\s]+(/portfolio/evaluation/[A-Za-z0-9_-]+/)")
ANSWERS = {
    "usable": "yes",
    "usable_motivation": "Het team gebruikt het.",
    "independent": "partly",
    "independent_motivation": "Vroeg soms te laat hulp.",
    "data": "yes",
    "data_motivation": "Goede metingen voor en na.",
    "advice": "pass",
    "advice_motivation": "Een bruikbaar product.",
}


def _delivered_with_mail(world: World, capture: Any) -> tuple[EvaluationForm, str]:
    """Phase II accepted; return the form and the path of the link in the mail."""
    product = in_phase_2(world)
    version = upload(world, product, 2)
    mail.outbox.clear()
    with capture(execute=True):
        accept(world, version)
    practice_supervisor = world.people[Role.PRACTICE_SUPERVISOR]
    (message,) = [m for m in mail.outbox if m.to == [practice_supervisor.email]]
    found = LINK.search(message.body)
    assert found, message.body
    return EvaluationForm.objects.get(product=product), found.group(1)


def test_the_mail_link_opens_the_form_without_an_account(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    _form, path = _delivered_with_mail(world, django_capture_on_commit_callbacks)
    page = Client().get(path)
    assert page.status_code == 200
    html = page.content.decode()
    assert dutch("Is the product usable for the school?") in html
    assert reverse("portfolio:evaluation-link-report", args=[path.split("/")[-2]]) in html
    report = Client().get(reverse("portfolio:evaluation-link-report", args=[path.split("/")[-2]]))
    assert report.status_code == 200
    assert report["Content-Type"] == "application/pdf"


def test_fill_in_save_and_sign_from_the_link(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    form, path = _delivered_with_mail(world, django_capture_on_commit_callbacks)
    client = Client()
    assert client.post(path, {"action": "save", **ANSWERS}).status_code == 302
    form.refresh_from_db()
    assert form.independent == "partly" and form.is_complete
    content_hash = client.get(path).context["sign_form"].initial["content_hash"]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            path, {"action": "sign", "content_hash": content_hash, "confirm": "on"}
        )
    assert response.status_code == 302
    assert response["Location"] == reverse("signoffs:done")
    form.refresh_from_db()
    assert form.status == EvaluationForm.Status.SIGNED
    (signature,) = signoff_status(form).valid_signatures
    assert signature.method == Signature.Method.LINK
    assert signature.signer == world.people[Role.PRACTICE_SUPERVISOR]
    assert mail.outbox[-1].to == [world.people[Role.GRADUATION_SUPERVISOR].email]
    assert Client().get(path).status_code == 404  # the link is withdrawn once used


def test_an_incomplete_form_cannot_be_signed(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    form, path = _delivered_with_mail(world, django_capture_on_commit_callbacks)
    client = Client()
    client.post(path, {"action": "save", **ANSWERS, "advice": ""})
    content_hash = client.get(path).context["sign_form"].initial["content_hash"]
    response = client.post(path, {"action": "sign", "content_hash": content_hash, "confirm": "on"})
    assert response.status_code == 200
    assert response.context["sign_form"].non_field_errors()
    form.refresh_from_db()
    assert form.status == EvaluationForm.Status.OPEN


def test_the_signed_form_is_locked(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    form = sign_evaluation(world, product)
    with pytest.raises(ValidationError) as exc:
        evaluation_form_save(
            form=form,
            data=replace(COMPLETE_ANSWERS, advice="fail"),
            actor=world.people[Role.PRACTICE_SUPERVISOR],
        )
    assert exc.value.code == "signed"
    form.refresh_from_db()
    assert form.advice == "pass"


def test_the_signed_form_refuses_a_post_from_the_practice_supervisors_account(
    world: World,
) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    sign_evaluation(world, product)
    client = client_for(world.people[Role.PRACTICE_SUPERVISOR])
    url = reverse("portfolio:product-evaluation", args=[product.student_id])
    response = client.post(url, {**ANSWERS, "advice": "fail"})
    assert response.status_code == 200  # shown again, read-only, with the error
    assert EvaluationForm.objects.get(product=product).advice == "pass"


def test_only_the_practice_supervisor_fills_in(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    form = EvaluationForm.objects.get(product=product)
    with pytest.raises(PermissionDenied):
        evaluation_form_save(
            form=form, data=COMPLETE_ANSWERS, actor=world.people[Role.GRADUATION_SUPERVISOR]
        )
    client = client_for(world.people[Role.GRADUATION_SUPERVISOR])
    url = reverse("portfolio:product-evaluation", args=[product.student_id])
    assert client.post(url, ANSWERS).status_code == 404


def test_the_generic_link_page_offers_no_send_back(world: World) -> None:
    """The practice supervisor writes the form: there is no one to send it back to."""
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    form = EvaluationForm.objects.get(product=product)
    form = evaluation_form_save(
        form=form, data=COMPLETE_ANSWERS, actor=world.people[Role.PRACTICE_SUPERVISOR]
    )
    token = link_issue(person=form.practice_supervisor, purpose=SIGN, document=form)
    url = reverse("signoffs:link", args=[token])
    response = Client().get(url)
    assert 'value="send_back"' not in response.content.decode()
    Client().post(url, {"action": "send_back", "comment": "Nee."})
    form.refresh_from_db()
    assert form.status == EvaluationForm.Status.OPEN
    assert signoff_status(form).request_of(form.practice_supervisor_id) is not None


def test_the_practice_supervisor_signs_logged_in(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    client = client_for(world.people[Role.PRACTICE_SUPERVISOR])
    url = reverse("portfolio:product-evaluation", args=[product.student_id])
    assert client.post(url, ANSWERS).status_code == 302
    page = client.get(url)
    pending = page.context["pending"]
    content_hash = page.context["sign_form"].initial["content_hash"]
    response = client.post(
        reverse("signoffs:request-act", args=[pending.pk]),
        {"action": "sign", "content_hash": content_hash, "confirm": "on"},
    )
    assert response["Location"] == url
    form = EvaluationForm.objects.get(product=product)
    assert form.is_signed
    assert signoff_status(form).valid_signatures[0].method == Signature.Method.ACCOUNT


def test_the_generic_link_page_points_to_the_fill_in_page(world: World) -> None:
    """Reminders mail the sign-off mechanism's own link; its page leads to the form."""
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    form = EvaluationForm.objects.get(product=product)
    token = link_issue(person=form.practice_supervisor, purpose=SIGN, document=form)
    page = Client().get(reverse("signoffs:link", args=[token])).content.decode()
    assert reverse("portfolio:evaluation-link", args=[token]) in page


def test_a_new_link_replaces_the_old_one(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    form, old_path = _delivered_with_mail(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        evaluation_link_resend(form=form, actor=world.people[Role.GRADUATION_SUPERVISOR])
    new_path = LINK.search(mail.outbox[-1].body).group(1)  # type: ignore[union-attr]
    assert Client().get(old_path).status_code == 404
    assert Client().get(new_path).status_code == 200
    with pytest.raises(PermissionDenied):
        evaluation_link_resend(form=form, actor=world.people[Role.MENTOR])


def test_the_graduation_supervisor_sees_the_advice_beside_the_report(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    sign_evaluation(world, product)
    client = client_for(world.people[Role.GRADUATION_SUPERVISOR])
    page = client.get(reverse("portfolio:product-detail", args=[product.student_id]))
    html = page.content.decode()
    assert dutch("Advice of the practice supervisor") in html
    assert dutch("Pass: the product is sufficient") in html
    assert COMPLETE_ANSWERS.advice_motivation in html


def test_the_pdf_has_the_answers_the_signature_and_the_verification_code(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    form = sign_evaluation(world, product)
    client = client_for(world.people[Role.GRADUATION_SUPERVISOR])
    url = reverse("portfolio:product-evaluation-pdf", args=[product.student_id])
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    assert dutch("Evaluation form professional product") in text
    assert COMPLETE_ANSWERS.usable_motivation in text
    assert form.practice_supervisor.full_name in text
    status = signoff_status(form)
    assert status.verification_code(document_hash(form)) in text
    assert client.get(url).content == response.content  # stored: the same file every time


def test_the_student_sees_the_form_only_once_signed(world: World) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    client = client_for(student_of(world).person)
    url = reverse("portfolio:product-evaluation", args=[product.student_id])
    assert client.get(url).status_code == 404
    sign_evaluation(world, product)
    assert client.get(url).status_code == 200
    product.refresh_from_db()
    assert product.status == ProductStatus.DELIVERED
