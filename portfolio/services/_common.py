"""Helpers shared by the portfolio services."""

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from lio_portal.uploads import CheckedUpload, StoredUpload, check_upload

from ..models import EDITABLE_STATUSES


def require_editable(status: str) -> None:
    """The student changes work only while it is a draft or sent back for revision."""
    if status not in EDITABLE_STATUSES:
        raise ValidationError(
            _("This work has been submitted or approved; it cannot be changed now."),
            code="not_editable",
        )


def checked(upload: File, *, allowed: frozenset[str] | None = None) -> CheckedUpload:
    """`check_upload`, with its error put on the form's `file` field."""
    try:
        return check_upload(upload, allowed=allowed) if allowed else check_upload(upload)
    except ValidationError as exc:
        raise ValidationError({"file": exc.error_list}) from exc


def save_with_file(instance: StoredUpload, upload: CheckedUpload) -> None:
    """Store the file, then the row; the file does not outlive a row that failed to save."""
    instance.store(upload)
    try:
        instance.save()
    except Exception:
        instance.file.delete(save=False)
        raise


def delete_with_file(instance: StoredUpload) -> None:
    """Delete the row now and its file once the transaction is committed."""
    storage, name = instance.file.storage, instance.file.name
    instance.delete()
    transaction.on_commit(lambda: storage.delete(name))
