"""Uploaded files: checked by their content, stored under generated names, served with care.

Shared by every app that accepts uploads. The rules:
- the type comes from the file's bytes (sniffed), never from its name; the name's extension
  must agree with the content so that a download is what it says it is;
- empty files and files over `settings.UPLOAD_MAX_BYTES` (env `UPLOAD_MAX_MB`) are refused;
- office documents must be real OOXML/OpenDocument zips (no macro-enabled variants), and a zip
  whose declared uncompressed size is too large (a zip bomb) is refused without unpacking it;
- a PDF must open as a PDF, may not start with markup (an HTML/PDF polyglot) and may not carry
  active content (JavaScript, launch actions, embedded files); an image must decode as the
  image it claims to be and may not carry script (a JPEG that is really PHP);
- names with control or direction-changing characters (NUL, right-to-left override) or longer
  than `MAX_NAME_LENGTH` are refused: they hide what a file really is;
- files are stored through Django's storage API under a random name, never the user's;
- downloads go through a view that checks access and answers with `protected_file_response`.
"""

import re
import unicodedata
import uuid
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

import filetype
import pypdf
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

PDF = "application/pdf"
JPEG, PNG, GIF, WEBP = "image/jpeg", "image/png", "image/gif", "image/webp"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
ODT = "application/vnd.oasis.opendocument.text"
ODS = "application/vnd.oasis.opendocument.spreadsheet"
ODP = "application/vnd.oasis.opendocument.presentation"


@dataclass(frozen=True)
class FileKind:
    content_type: str
    extensions: tuple[str, ...]  # the first one is used for stored names
    label: Any  # lazily translated


KINDS: dict[str, FileKind] = {
    kind.content_type: kind
    for kind in (
        FileKind(PDF, ("pdf",), _("PDF")),
        FileKind(JPEG, ("jpg", "jpeg"), _("JPEG image")),
        FileKind(PNG, ("png",), _("PNG image")),
        FileKind(GIF, ("gif",), _("GIF image")),
        FileKind(WEBP, ("webp",), _("WebP image")),
        FileKind(DOCX, ("docx",), _("Word document")),
        FileKind(XLSX, ("xlsx",), _("Excel workbook")),
        FileKind(PPTX, ("pptx",), _("PowerPoint presentation")),
        FileKind(ODT, ("odt",), _("OpenDocument text")),
        FileKind(ODS, ("ods",), _("OpenDocument spreadsheet")),
        FileKind(ODP, ("odp",), _("OpenDocument presentation")),
    )
}
IMAGE_TYPES = frozenset({JPEG, PNG, GIF, WEBP})
DOCUMENT_TYPES = frozenset(KINDS)

# The part that makes a zip a given office document; its declared type must be the plain
# (not macro-enabled, not template) main type, e.g. `...wordprocessingml.document.main+xml`.
_OOXML_MAIN_PARTS = {
    DOCX: "word/document.xml",
    XLSX: "xl/workbook.xml",
    PPTX: "ppt/presentation.xml",
}
_ODF_TYPES = frozenset({ODT, ODS, ODP})
# Declared sizes only: nothing is unpacked, so these limits are cheap to check.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_MEMBERS = 5_000
_SNIFF_BYTES = 8192
MAX_NAME_LENGTH = 200
_CHUNK = 1024 * 1024
# Active content in a PDF: scripts, actions that start programs, files carried inside.
_PDF_ACTIVE = re.compile(rb"/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA)(?![A-Za-z0-9])")
_MARKUP = re.compile(rb"<\?php|<script|<html|<svg|<!doctype html", re.IGNORECASE)
_PIL_FORMATS = {JPEG: "JPEG", PNG: "PNG", GIF: "GIF", WEBP: "WEBP"}


@dataclass(frozen=True)
class CheckedUpload:
    """An upload whose content passed the checks, with the type found in its bytes."""

    file: IO[bytes]
    original_name: str
    content_type: str
    size: int

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES

    @property
    def storage_name(self) -> str:
        """A random name with the extension of the sniffed type; the user's name is not used."""
        return f"{uuid.uuid4().hex}.{KINDS[self.content_type].extensions[0]}"


def allowed_types_label(allowed: Iterable[str]) -> str:
    wanted = frozenset(allowed)
    return ", ".join(str(kind.label) for kind in KINDS.values() if kind.content_type in wanted)


def check_upload(upload: File, *, allowed: Iterable[str] = DOCUMENT_TYPES) -> CheckedUpload:
    """Refuse empty, too large, unknown or disguised files; return the sniffed type."""
    allowed = frozenset(allowed)
    name = PurePath(upload.name or "").name or "upload"
    _check_name(name)
    size = upload.size or 0
    if size == 0:
        raise ValidationError(_("The file %(name)s is empty."), code="empty", params={"name": name})
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("The file %(name)s is larger than %(max)s MB."),
            code="too_large",
            params={"name": name, "max": limit // (1024 * 1024)},
        )
    content_type = sniff_content_type(upload)
    if content_type not in allowed:
        raise ValidationError(
            _("The content of %(name)s is not one of the allowed file types (%(types)s)."),
            code="type",
            params={"name": name, "types": allowed_types_label(allowed)},
        )
    kind = KINDS[content_type]
    if PurePath(name).suffix.lower().lstrip(".") not in kind.extensions:
        raise ValidationError(
            _("The name of %(name)s does not match its content: it is a %(kind)s (.%(ext)s)."),
            code="name_mismatch",
            params={"name": name, "kind": kind.label, "ext": kind.extensions[0]},
        )
    _check_content(upload, content_type, name)
    upload.seek(0)
    return CheckedUpload(file=upload, original_name=name, content_type=content_type, size=size)


def _check_name(name: str) -> None:
    """No hidden characters (NUL, bidi overrides, zero-width) and no endless names."""
    hidden = any(unicodedata.category(char) in ("Cc", "Cf") for char in name)
    if hidden or len(name) > MAX_NAME_LENGTH:
        raise ValidationError(
            _(
                "The file name contains characters that are not allowed or is longer than "
                "%(max)s characters; rename the file and try again."
            ),
            code="bad_name",
            params={"max": MAX_NAME_LENGTH},
        )


def _check_content(upload: File, content_type: str, name: str) -> None:
    """A PDF or image whose bytes are more than the type they start with is refused."""
    if content_type == PDF:
        safe = _pdf_is_safe(upload)
    elif content_type in IMAGE_TYPES:
        safe = _image_is_safe(upload, content_type)
    else:
        return
    upload.seek(0)
    if not safe:
        raise ValidationError(
            _(
                "The file %(name)s contains scripts, embedded files or other content that "
                "is not allowed, or it is damaged; it is refused."
            ),
            code="active_content",
            params={"name": name},
        )


def _pdf_is_safe(upload: File) -> bool:
    upload.seek(0)
    if _MARKUP.search(upload.read(1024)) or _scan(upload, _PDF_ACTIVE):
        return False
    upload.seek(0)
    try:
        return len(pypdf.PdfReader(upload, strict=False).pages) > 0
    except Exception:  # pypdf raises many kinds of errors for a damaged file
        return False


def _image_is_safe(upload: File, content_type: str) -> bool:
    if _scan(upload, _MARKUP):
        return False
    upload.seek(0)
    try:
        with Image.open(upload) as image:
            image.verify()
            return image.format == _PIL_FORMATS[content_type]
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False


def _scan(upload: File, pattern: re.Pattern[bytes]) -> bool:
    """Search the whole file in chunks (overlapping, so no match falls between two)."""
    upload.seek(0)
    tail = b""
    while chunk := upload.read(_CHUNK):
        if pattern.search(tail + chunk):
            return True
        tail = chunk[-64:]
    return False


def sniff_content_type(upload: IO[bytes]) -> str | None:
    """The content type of the file's bytes, or None when it is unknown or not to be trusted."""
    upload.seek(0)
    head = upload.read(_SNIFF_BYTES)
    upload.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in KINDS or kind.mime in _ODF_TYPES:
        return None
    return kind.mime


def _office_type(upload: IO[bytes]) -> str | None:
    """A zip is only accepted as a real OOXML or OpenDocument file that is no zip bomb."""
    try:
        with zipfile.ZipFile(upload) as archive:
            members = archive.infolist()
            _refuse_zip_bomb(members)
            names = {member.filename for member in members}
            if "mimetype" in names:
                declared = _read_small(archive, "mimetype").decode("ascii", "replace").strip()
                return declared if declared in _ODF_TYPES else None
            if "[Content_Types].xml" not in names:
                return None
            content_types = _read_small(archive, "[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        return None
    finally:
        upload.seek(0)
    for content_type, main_part in _OOXML_MAIN_PARTS.items():
        if main_part in names and f'ContentType="{content_type}.main+xml"' in content_types:
            return content_type
    return None


def _refuse_zip_bomb(members: list[zipfile.ZipInfo]) -> None:
    declared = sum(member.file_size for member in members)
    if len(members) > MAX_ZIP_MEMBERS or declared > MAX_UNCOMPRESSED_BYTES:
        raise ValidationError(
            _("The file unpacks to more than %(max)s MB or too many parts; it is refused."),
            code="zip_bomb",
            params={"max": MAX_UNCOMPRESSED_BYTES // (1024 * 1024)},
        )


def _read_small(archive: zipfile.ZipFile, name: str, limit: int = 1024 * 1024) -> bytes:
    if archive.getinfo(name).file_size > limit:
        raise zipfile.BadZipFile(f"{name} is too large")
    with archive.open(name) as member:
        return member.read(limit + 1)[:limit]


def private_upload_to(instance: models.Model, filename: str) -> str:
    """`<app>/<model>/<year>/<month>/<random name>`: the name comes from `storage_name`."""
    now = timezone.now()
    meta = instance._meta
    return f"{meta.app_label}/{meta.model_name}/{now:%Y/%m}/{PurePath(filename).name}"


class StoredUpload(models.Model):
    """Fields every uploaded file keeps: the file, its original name and its sniffed type."""

    file = models.FileField(_("file"), upload_to=private_upload_to, max_length=255)
    original_name = models.CharField(_("original name"), max_length=255)
    content_type = models.CharField(_("content type"), max_length=120, editable=False)
    size = models.PositiveBigIntegerField(_("size in bytes"), editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.original_name

    @property
    def is_image(self) -> bool:
        return self.content_type in IMAGE_TYPES

    @property
    def kind_label(self) -> str:
        kind = KINDS.get(self.content_type)
        return str(kind.label) if kind else self.content_type

    def store(self, upload: CheckedUpload) -> None:
        """Copy a checked upload into storage under a generated name (the row is not saved)."""
        self.original_name = upload.original_name
        self.content_type = upload.content_type
        self.size = upload.size
        self.file.save(upload.storage_name, File(upload.file), save=False)

    def read_bytes(self) -> bytes:
        with self.file.open("rb") as handle:
            return handle.read()


def protected_file_response(
    *, file: FieldFile, content_type: str, filename: str, inline: bool = False
) -> FileResponse:
    """Serve a stored file after the caller checked access: type from the upload's sniffed type,
    `attachment` unless an image is shown in a page, and never sniffed by the browser."""
    show_inline = inline and content_type in IMAGE_TYPES
    response = FileResponse(
        file.open("rb"),
        as_attachment=not show_inline,
        filename=filename,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, max-age=0"
    return response


def upload_help_text(allowed: Iterable[str] = DOCUMENT_TYPES) -> str:
    return gettext("Allowed: %(types)s; at most %(max)s MB per file.") % {
        "types": allowed_types_label(allowed),
        "max": settings.UPLOAD_MAX_BYTES // (1024 * 1024),
    }
