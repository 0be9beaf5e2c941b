"""The signed evaluation form's PDF is rendered once, at signing, and stored: its download is a
file read (issue #12)."""

from typing import Any

import pytest
import weasyprint
from django.urls import reverse

from internships.models import Role
from portfolio.models import EvaluationForm
from tests.conftest import World, client_for
from tests.portfolio.products import accept, in_phase_2, sign_evaluation, upload

pytestmark = pytest.mark.django_db


def _no_render(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("the download rendered the PDF")


def test_signing_stores_the_pdf_and_the_download_reads_it(
    world: World, django_capture_on_commit_callbacks: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    product = in_phase_2(world)
    accept(world, upload(world, product, 2))
    with django_capture_on_commit_callbacks(execute=True):
        sign_evaluation(world, product)
    form = EvaluationForm.objects.get(product=product)
    assert form.pdf and form.pdf_state.startswith("signed:")
    stored = form.pdf.open("rb").read()
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _no_render)
    url = reverse("portfolio:product-evaluation-pdf", args=[product.student_id])
    for role in (Role.GRADUATION_SUPERVISOR, Role.COORDINATOR, Role.STUDENT):
        response = client_for(world.people[role]).get(url)
        assert response.status_code == 200
        assert response.content == stored
