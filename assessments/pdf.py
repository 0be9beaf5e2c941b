"""The PDF of a signed assessment lesson (one builder per document)."""

import re
from pathlib import PurePosixPath

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.text import slugify

from lio_portal.pdf import PdfDocument, render_pdf
from signoffs.selectors import signoff_status
from signoffs.services import document_hash

from .models import CreditAward, LessonAssessment

CONTENT_TYPE = "application/pdf"
# The verification code is part of the stored file's name (see lesson_assessment_pdf_store).
_CODE = re.compile(r"[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}")


def _filename(assessment: LessonAssessment, code: str) -> str:
    name = slugify(f"lio-assessment-{assessment.placement.student.person.full_name}")
    return f"{name}-{code}.pdf"


def lesson_assessment_pdf(assessment: LessonAssessment) -> PdfDocument:
    """The stored PDF: rendered once when the second signature landed, the same file on every
    download, read without rendering or hashing the form again (a completed assessment from
    before that, e.g. demo data, is rendered and stored now)."""
    if not assessment.pdf:
        return lesson_assessment_pdf_store(assessment)
    found = _CODE.search(PurePosixPath(assessment.pdf.name).name)
    if found:
        code = found.group()
    else:
        code = signoff_status(assessment).verification_code(document_hash(assessment))
    with assessment.pdf.open("rb") as stored:
        return PdfDocument(_filename(assessment, code), CONTENT_TYPE, stored.read())


def lesson_assessment_pdf_store(assessment: LessonAssessment) -> PdfDocument:
    """Render the form with both signatures and the verification code, in the student's
    language (it is the student's record), and store it with the assessment."""
    status = signoff_status(assessment)
    current_hash = document_hash(assessment)
    code = status.verification_code(current_hash)
    language = assessment.placement.student.person.language or settings.LANGUAGE_CODE
    with translation.override(language):
        data = render_pdf(
            "assessments/pdf/lesson_assessment.html",
            {
                "assessment": assessment,
                "document": assessment,
                "status": status,
                "credits": CreditAward.objects.filter(assessment=assessment).first(),
                "verification_code": code,
                "content_hash": current_hash,
                "generated_at": timezone.now(),
            },
        )
    if assessment.pdf:
        assessment.pdf.delete(save=False)
    assessment.pdf.save(f"{assessment.pk}-{code}.pdf", ContentFile(data), save=False)
    LessonAssessment.objects.filter(pk=assessment.pk).update(pdf=assessment.pdf.name)
    return PdfDocument(_filename(assessment, code), CONTENT_TYPE, data)
