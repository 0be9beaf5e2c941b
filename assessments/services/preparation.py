"""The student's lesson preparation, uploaded before the visit with a note on how the lesson
fits in its sequence of lessons (requirements 4 and 5 are judged on it)."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from internships.models import Person
from lio_portal.uploads import CheckedUpload, check_upload
from signoffs.models import SignOffEvent
from signoffs.services import event_log

from ..models import LessonAssessment, LessonPreparation

PREPARATION_STATUSES = (LessonAssessment.Status.PROPOSED, LessonAssessment.Status.SCHEDULED)


def preparation_open(assessment: LessonAssessment, today: date) -> bool:
    """The preparation can be changed until the lesson day, before the form is started."""
    return assessment.status in PREPARATION_STATUSES and assessment.date >= today


@transaction.atomic
def lesson_preparation_save(
    *,
    assessment: LessonAssessment,
    upload: File | None,
    lesson_sequence: str,
    actor: Person,
    today: date | None = None,
) -> LessonAssessment:
    """Store (or replace) the preparation and the note on the sequence of lessons."""
    assessment = LessonAssessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.placement.student.person_id != actor.pk:
        raise PermissionDenied
    if not preparation_open(assessment, today or timezone.localdate()):
        raise ValidationError(
            _("The lesson preparation can only be changed before the lesson is assessed.")
        )
    checked = None
    if upload is not None:
        try:
            checked = check_upload(upload)
        except ValidationError as exc:
            raise ValidationError({"file": exc.error_list}) from exc
    existing = LessonPreparation.objects.filter(assessment=assessment).first()
    if checked is None and existing is None:
        raise ValidationError({"file": _("Upload your lesson preparation.")})
    if not lesson_sequence.strip():
        raise ValidationError(
            {"lesson_sequence": _("Explain how the lesson fits in its sequence of lessons.")}
        )
    if checked is not None:
        _replace(assessment, existing, checked, actor)
    assessment.lesson_sequence = lesson_sequence.strip()
    assessment.save(update_fields=["lesson_sequence", "updated_at"])
    event_log(
        document=assessment,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("Lesson preparation uploaded.") if checked else _("Lesson sequence changed."),
    )
    return assessment


def _replace(
    assessment: LessonAssessment,
    existing: LessonPreparation | None,
    checked: CheckedUpload,
    actor: Person,
) -> None:
    """Delete the old file after commit; store the new one before its row."""
    if existing is not None:
        storage, name = existing.file.storage, existing.file.name
        existing.delete()
        transaction.on_commit(lambda: storage.delete(name))
    preparation = LessonPreparation(assessment=assessment, uploaded_by=actor)
    preparation.store(checked)
    try:
        preparation.save()
    except Exception:
        preparation.file.delete(save=False)
        raise
