"""The uploaded file between the preview and the confirmation.

The preview stores the file's bytes in the private file storage under
`imports/<institution>/<kind>-<sha256>.<format>`; the confirmation form sends back only the
kind, the format and the hash. The file is read again from storage, so nothing the browser
sends can change what is written, and another institution's file can never be named. Files
are removed after the confirmation, and files older than a day whenever a new one is stored.
"""

import hashlib
import re
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import Institution

_TOKEN = re.compile(r"^[0-9a-f]{64}$")
_KEEP = timedelta(days=1)


def _folder(institution: Institution) -> str:
    return f"imports/{institution.pk}"


def _path(institution: Institution, kind: str, fmt: str, token: str) -> str:
    if not _TOKEN.match(token) or not kind.isalpha() or fmt not in ("csv", "xlsx"):
        raise ValidationError(_("This upload is not known; upload the file again."))
    return f"{_folder(institution)}/{kind}-{token}.{fmt}"


def import_file_store(*, institution: Institution, kind: str, fmt: str, data: bytes) -> str:
    """Keep the file for the confirmation; return its token (the SHA-256 of its bytes)."""
    _remove_old(institution)
    token = hashlib.sha256(data).hexdigest()
    path = _path(institution, kind, fmt, token)
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(data))
    return token


def import_file_load(*, institution: Institution, kind: str, fmt: str, token: str) -> bytes:
    path = _path(institution, kind, fmt, token)
    if not default_storage.exists(path):
        raise ValidationError(_("This upload has expired; upload the file again."))
    with default_storage.open(path, "rb") as handle:
        data = handle.read()
    if hashlib.sha256(data).hexdigest() != token:
        raise ValidationError(_("This upload has changed; upload the file again."))
    return data


def import_file_discard(*, institution: Institution, kind: str, fmt: str, token: str) -> None:
    default_storage.delete(_path(institution, kind, fmt, token))


def _remove_old(institution: Institution) -> None:
    folder = _folder(institution)
    if not default_storage.exists(folder):
        return
    limit = timezone.now() - _KEEP
    for name in default_storage.listdir(folder)[1]:
        path = f"{folder}/{name}"
        if default_storage.get_modified_time(path) < limit:
            default_storage.delete(path)
