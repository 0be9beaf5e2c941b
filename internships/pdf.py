"""PDF documents of the internships app (one builder per document)."""

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from lio_portal.pdf import PdfDocument, render_pdf
from lio_portal.stored_pdfs import stored_pdf_read, stored_pdf_replace
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .models import StartApplication
from .start_application_planning import plan_for_application

CONTENT_TYPE = "application/pdf"
# Signed by all three (and possibly confirmed): the form no longer changes.
SIGNED_STATUSES = frozenset({StartApplication.Status.SIGNED, StartApplication.Status.CONFIRMED})


def start_application_pdf(application: StartApplication) -> PdfDocument:
    """The form with its signatures and a verification code.

    A signed form's PDF is rendered once, when the last signature lands (and again when the
    coordinator confirms), and stored: its download is a file read, the same bytes every time.
    Before that the form still changes, so its PDF is rendered on request and not stored.
    """
    if application.status not in SIGNED_STATUSES:
        data, code = _render(application)
        return PdfDocument(_filename(application, code), CONTENT_TYPE, data)
    stored = stored_pdf_read(application, application.status)
    if stored is not None:
        data, code = stored
        return PdfDocument(_filename(application, code), CONTENT_TYPE, data)
    # Signed before PDFs were stored at signing (or the render then failed): store it now.
    return start_application_pdf_store(application)


def start_application_pdf_store(application: StartApplication) -> PdfDocument:
    """Render the signed form in the student's language (it is the student's record, the same
    for every reader) and store it with its status and verification code."""
    language = application.placement.student.person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        data, code = _render(application)
    stored_pdf_replace(application, status=application.status, code=code, data=data)
    return PdfDocument(_filename(application, code), CONTENT_TYPE, data)


def start_application_pdf_store_later(application: StartApplication) -> None:
    """Store the PDF once the signing transaction has committed; a failure is logged and the
    first download renders it instead."""
    pk = application.pk

    def store() -> None:
        start_application_pdf_store(
            StartApplication.objects.select_related("placement__student__person").get(pk=pk)
        )

    transaction.on_commit(store, robust=True)


def _filename(application: StartApplication, code: str) -> str:
    name = slugify(f"aanvraag-start-lio-{application.placement.student.person.full_name}")
    return f"{name}-{code}.pdf"


def _render(application: StartApplication) -> tuple[bytes, str]:
    status = signoff_status(application)
    current_hash = document_hash(application)
    code = status.verification_code(current_hash)
    try:
        plan = plan_for_application(application)
    except ValueError:
        plan = None
    data = render_pdf(
        "internships/pdf/start_application.html",
        {
            "application": application,
            "document": application,
            "status": status,
            "verification_code": code,
            "content_hash": current_hash,
            "plan": plan,
            "generated_at": timezone.now(),
        },
    )
    return data, code
