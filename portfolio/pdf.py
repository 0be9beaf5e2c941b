"""The portfolio and the profile sketch as one PDF each: contents, texts, images inline and a
list of attachments; and the signed evaluation form of the professional product. Rendered by
`lio_portal.pdf` from our own files and the student's uploads only; callers check access first."""

from collections import defaultdict
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from internships.models import StudentProfile
from lio_portal.pdf import EmbeddedFile, PdfDocument, embedded_file_url, render_pdf
from lio_portal.uploads import StoredUpload
from signoffs.hashing import content_hash
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

    Rendered once per state (content + signatures + language) and stored, so that a signed form
    is byte-for-byte the same PDF on every download.
    """
    status = signoff_status(form)
    current_hash = document_hash(form)
    code = status.verification_code(current_hash)
    language = translation.get_language()
    state = content_hash({"code": code, "status": form.status, "language": language})
    filename = f"evaluatieformulier-{slugify(form.product.student.person.full_name)}-{code}.pdf"
    if form.pdf and form.pdf_state == state:
        with form.pdf.open("rb") as stored:
            return PdfDocument(filename, "application/pdf", stored.read())
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
    _store_evaluation_pdf(form, state, data)
    return PdfDocument(filename, "application/pdf", data)


def _store_evaluation_pdf(form: EvaluationForm, state: str, data: bytes) -> None:
    with transaction.atomic():
        locked = EvaluationForm.objects.select_for_update().get(pk=form.pk)
        if locked.pdf:
            locked.pdf.delete(save=False)
        locked.pdf.save(f"{form.pk}-{state[:16]}.pdf", ContentFile(data), save=False)
        locked.pdf_state = state
        locked.save(update_fields=["pdf", "pdf_state"])
        form.pdf, form.pdf_state = locked.pdf, state
