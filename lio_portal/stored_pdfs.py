"""A signed document's PDF, rendered once and kept on the document (`pdf` and `pdf_state`).

`pdf_state` is "<status>:<verification code>": the stored file belongs to that status of the
document; a later status (e.g. confirmed after signed) stores a new one.
"""

from django.core.files.base import ContentFile
from django.db import models, transaction


def stored_pdf_read(document: models.Model, status: str) -> tuple[bytes, str] | None:
    """The stored PDF for `status` and its verification code, or None when there is none."""
    prefix = f"{status}:"
    if not document.pdf or not document.pdf_state.startswith(prefix):  # type: ignore[attr-defined]
        return None
    with document.pdf.open("rb") as stored:  # type: ignore[attr-defined]
        return stored.read(), document.pdf_state.removeprefix(prefix)  # type: ignore[attr-defined]


def stored_pdf_replace(document: models.Model, *, status: str, code: str, data: bytes) -> None:
    """Store `data` as the document's PDF for `status`, replacing an older one (row locked)."""
    state = f"{status}:{code}"
    with transaction.atomic():
        locked = type(document)._default_manager.select_for_update().get(pk=document.pk)
        if locked.pdf:
            locked.pdf.delete(save=False)
        locked.pdf.save(f"{document.pk}-{code}.pdf", ContentFile(data), save=False)
        locked.pdf_state = state
        locked.save(update_fields=["pdf", "pdf_state"])
        document.pdf, document.pdf_state = locked.pdf, state  # type: ignore[attr-defined]
