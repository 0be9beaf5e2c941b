"""The portfolio and the profile sketch as one PDF each: contents, texts, images inline and a
list of attachments; and the signed evaluation form of the professional product. Rendered by
`lio_portal.pdf` from our own files and the student's uploads only; callers check access first."""

from collections import defaultdict
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from internships.models import StudentProfile
from lio_portal.pdf import EmbeddedFile, PdfDocument, embedded_file_url, render_pdf
from lio_portal.stored_pdfs import stored_pdf_read, stored_pdf_replace
from lio_portal.uploads import StoredUpload
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .models import Attachment, EvaluationForm, ProfileSketch
from .selectors import portfolio_overview, sketch_history, sketch_with_content


def _embed(uploads: list[StoredUpload], prefix: str) -> dict[str, EmbeddedFile]:
    """Hand the images to the renderer and give each upload the URL it has inside the PDF."""
    files = {}
    for upload in uploads:
        if upload.is_image:
            key = f"{prefix}-{upload.pk}"
            files[key] = EmbeddedFile(upload.read_bytes(), upload.content_type)
            upload.pdf_url = embedded_file_url(key)  # type: ignore[attr-defined]
    return files


def portfolio_pdf(*, student: StudentProfile) -> PdfDocument:
    """The assignment portfolio (track VL) of every LIO year up to the student's current one."""
    years = [
        {"number": year, "themes": portfolio_overview(student=student, lio_year=year)}
        for year in range(1, (student.lio_year or 1) + 1)
    ]
    works = [row.work for year in years for theme in year["themes"] for row in theme.rows]
    attachments = list(
        Attachment.objects.filter(
            work__in=[work for work in works if work], removed_at=None
        ).select_related("work__assignment")
    )
    by_work: dict[int, list[Attachment]] = defaultdict(list)
    for attachment in attachments:
        by_work[attachment.work_id].append(attachment)
    for work in works:
        if work:
            work.pdf_attachments = by_work[work.pk]  # type: ignore[attr-defined]
    files = _embed(list(attachments), "attachment")
    context = _context(student, years=years, attachments=attachments)
    data = render_pdf("portfolio/pdf/portfolio.html", context, files=files)
    return PdfDocument(_filename("portfolio", student), "application/pdf", data)


def profile_sketch_pdf(*, sketch: ProfileSketch) -> PdfDocument:
    """The profile sketch as it stands, with its images inline and the assessments so far."""
    sketch = sketch_with_content(sketch)
    sections = sketch.draft_sections  # type: ignore[attr-defined]
    images = [entry["image"] for section in sections for entry in section["images"]]
    files = _embed(list(images), "image")
    context = _context(
        sketch.student,
        sketch=sketch,
        sections=sections,
        images=images,
        history=sketch_history(sketch),
    )
    data = render_pdf("portfolio/pdf/profile_sketch.html", context, files=files)
    return PdfDocument(_filename("profielschets", sketch.student), "application/pdf", data)


def _context(student: StudentProfile, **extra: Any) -> dict[str, Any]:
    return {"student": student, "generated_at": timezone.localtime(), **extra}


def _filename(kind: str, student: StudentProfile) -> str:
    return f"{kind}-{slugify(student.person.full_name)}.pdf"


def evaluation_form_pdf(*, form: EvaluationForm) -> PdfDocument:
    """The practice supervisor's evaluation form with its signature and a verification code.

    A signed form's PDF is rendered once, at signing, and stored: its download is a file read,
    the same bytes every time. An open form still changes: rendered on request, not stored.
    """
    if form.status != EvaluationForm.Status.SIGNED:
        data, code = _render_evaluation(form)
        return PdfDocument(_evaluation_filename(form, code), "application/pdf", data)
    stored = stored_pdf_read(form, form.status)
    if stored is not None:
        data, code = stored
        return PdfDocument(_evaluation_filename(form, code), "application/pdf", data)
    # Signed before PDFs were stored at signing (or the render then failed): store it now.
    return evaluation_form_pdf_store(form=form)


def evaluation_form_pdf_store(*, form: EvaluationForm) -> PdfDocument:
    """Render the signed form in the student's language (the same for every reader) and store
    it with its status and verification code."""
    language = form.product.student.person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        data, code = _render_evaluation(form)
    stored_pdf_replace(form, status=form.status, code=code, data=data)
    return PdfDocument(_evaluation_filename(form, code), "application/pdf", data)


def evaluation_form_pdf_store_later(*, form: EvaluationForm) -> None:
    """Store the PDF once the signing transaction has committed; a failure is logged and the
    first download renders it instead."""
    pk = form.pk

    def store() -> None:
        evaluation_form_pdf_store(
            form=EvaluationForm.objects.select_related("product__student__person").get(pk=pk)
        )

    transaction.on_commit(store, robust=True)


def _evaluation_filename(form: EvaluationForm, code: str) -> str:
    return f"evaluatieformulier-{slugify(form.product.student.person.full_name)}-{code}.pdf"


def _render_evaluation(form: EvaluationForm) -> tuple[bytes, str]:
    status = signoff_status(form)
    current_hash = document_hash(form)
    code = status.verification_code(current_hash)
    data = render_pdf(
        "portfolio/pdf/evaluation_form.html",
        {
            "form": form,
            "product": form.product,
            "status": status,
            "verification_code": code,
            "content_hash": current_hash,
            "generated_at": timezone.localtime(),
        },
    )
    return data, code
