"""The signed lesson assessment's PDF is rendered once, when the second signature lands, and
stored: its download is a file read, without rendering or hashing the form (issue #12)."""

import pytest
import weasyprint
from django.urls import reverse

from assessments import pdf
from internships.models import Role
from signoffs.selectors import signoff_status
from signoffs.services import document_hash
from tests.assessments.conftest import VISIT_DAY, Capture, travel
from tests.assessments.test_pages import _completed
from tests.conftest import World, client_for

pytestmark = pytest.mark.django_db


def _no_render(*args: object, **kwargs: object) -> bytes:
    raise AssertionError("the download rendered the PDF")


def test_the_download_of_a_completed_assessment_reads_the_stored_file(
    lio: World, django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    assessment = _completed(lio, django_capture_on_commit_callbacks)
    assert assessment.pdf
    stored = assessment.pdf.open("rb").read()
    code = signoff_status(assessment).verification_code(document_hash(assessment))
    monkeypatch.setattr(weasyprint.HTML, "write_pdf", _no_render)
    monkeypatch.setattr(pdf, "document_hash", _no_render)
    url = reverse("assessments:pdf", args=[assessment.pk])
    with travel(VISIT_DAY, 17):
        response = client_for(lio.people[Role.STUDENT]).get(url)
    assert response.status_code == 200
    assert response.content == stored
    assert f'-{code}.pdf"' in response["Content-Disposition"]
