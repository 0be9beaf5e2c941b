"""PDF documents of the internships app (one builder per document)."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from lio_portal.pdf import PdfDocument, render_pdf
from signoffs.hashing import content_hash
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .models import StartApplication
from .start_application_planning import plan_for_application


def start_application_pdf(application: StartApplication) -> PdfDocument:
    """The form with its signatures and a verification code.

    Rendered once per state (content + signatures + language) and stored, so that the same
    signed form is byte-for-byte the same PDF on every download.
    """
    status = signoff_status(application)
    current_hash = document_hash(application)
    code = status.verification_code(current_hash)
    language = translation.get_language()
    state = content_hash({"code": code, "status": application.status, "language": language})
    name = slugify(f"aanvraag-start-lio-{application.placement.student.person.full_name}")
    filename = f"{name}-{code}.pdf"
    if application.pdf and application.pdf_state == state:
        with application.pdf.open("rb") as stored:
            return PdfDocument(filename, "application/pdf", stored.read())
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
    _store(application, state, data)
    return PdfDocument(filename, "application/pdf", data)


def _store(application: StartApplication, state: str, data: bytes) -> None:
    with transaction.atomic():
        locked = StartApplication.objects.select_for_update().get(pk=application.pk)
        if locked.pdf:
            locked.pdf.delete(save=False)
        locked.pdf.save(f"{application.pk}-{state[:16]}.pdf", ContentFile(data), save=False)
        locked.pdf_state = state
        locked.save(update_fields=["pdf", "pdf_state"])
        application.pdf, application.pdf_state = locked.pdf, state
