"""Uploads are checked by content, not by name (lio_portal/uploads.py)."""

import pytest
from django.conf import settings as django_settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile

from lio_portal import uploads
from lio_portal.uploads import (
    DOCX,
    IMAGE_TYPES,
    ODT,
    PDF,
    PNG,
    check_upload,
    protected_file_response,
)
from portfolio.demo_files import tiny_pdf, tiny_png
from portfolio.models import Attachment
from tests.portfolio.conftest import docx_bytes, zip_bytes


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    # The browser's claimed type is deliberately wrong: it must never be trusted.
    return SimpleUploadedFile(name, data, content_type="application/pdf")


def _code(exc: pytest.ExceptionInfo[ValidationError]) -> str | None:
    return exc.value.error_list[0].code


def test_a_real_pdf_is_accepted_with_its_sniffed_type() -> None:
    checked = check_upload(_upload("Plan.PDF", tiny_pdf("Plan")))
    assert checked.content_type == PDF
    assert checked.original_name == "Plan.PDF"
    assert checked.storage_name.endswith(".pdf")
    assert "Plan" not in checked.storage_name


def test_a_text_file_renamed_to_pdf_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("verslag.pdf", b"Dit is gewoon tekst, geen PDF.\n" * 20))
    assert _code(exc) == "type"
    assert "verslag.pdf" in exc.value.messages[0]


def test_an_html_page_renamed_to_pdf_is_refused() -> None:
    with pytest.raises(ValidationError):
        check_upload(_upload("x.pdf", b"<html><script>alert(1)</script></html>"))


def test_an_image_named_pdf_is_refused_because_name_and_content_disagree() -> None:
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("foto.pdf", tiny_png()))
    assert _code(exc) == "name_mismatch"


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("leeg.pdf", b""))
    assert _code(exc) == "empty"


def test_a_file_over_the_size_limit_is_refused(settings: object) -> None:
    data = tiny_pdf("Groot")
    settings.UPLOAD_MAX_BYTES = len(data) - 1  # type: ignore[attr-defined]
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("groot.pdf", data))
    assert _code(exc) == "too_large"


def test_the_size_limit_comes_from_upload_max_mb() -> None:
    assert django_settings.UPLOAD_MAX_BYTES == 20 * 1024 * 1024


def test_only_the_allowed_types_pass() -> None:
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("plan.pdf", tiny_pdf("Plan")), allowed=IMAGE_TYPES)
    assert _code(exc) == "type"
    assert check_upload(_upload("klas.png", tiny_png()), allowed=IMAGE_TYPES).content_type == PNG


def test_a_real_docx_is_accepted() -> None:
    assert check_upload(_upload("plan.docx", docx_bytes())).content_type == DOCX


def test_a_zip_renamed_to_docx_is_refused() -> None:
    with pytest.raises(ValidationError):
        check_upload(_upload("plan.docx", zip_bytes({"word/document.xml": b"<x/>"})))


def test_a_macro_enabled_document_renamed_to_docx_is_refused() -> None:
    macro = "application/vnd.ms-word.document.macroEnabled.main+xml"
    with pytest.raises(ValidationError):
        check_upload(_upload("plan.docx", docx_bytes(main_type=macro)))


def test_a_broken_zip_is_refused() -> None:
    with pytest.raises(ValidationError):
        check_upload(_upload("plan.docx", b"PK\x03\x04" + b"\x00" * 100))


def test_an_opendocument_text_is_accepted() -> None:
    data = zip_bytes({"mimetype": ODT.encode(), "content.xml": b"<office:document/>"})
    assert check_upload(_upload("plan.odt", data)).content_type == ODT


def test_a_zip_bomb_is_refused_without_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(uploads, "MAX_UNCOMPRESSED_BYTES", 10_000)
    data = zip_bytes({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\x00" * 50_000})
    assert len(data) < 10_000
    with pytest.raises(ValidationError) as exc:
        check_upload(_upload("bom.docx", data))
    assert _code(exc) == "zip_bomb"


@pytest.mark.django_db
def test_the_download_response_uses_the_stored_type_and_never_lets_the_browser_sniff() -> None:
    name = default_storage.save("tests/file.bin", ContentFile(tiny_pdf("x")))
    field_file = _field_file(name)
    response = protected_file_response(
        file=field_file, content_type=PDF, filename="Mijn plan.pdf", inline=True
    )
    assert response["Content-Type"] == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]
    response.file_to_stream.close()
    image = protected_file_response(
        file=_field_file(name), content_type=PNG, filename="klas.png", inline=True
    )
    assert image["Content-Disposition"].startswith("inline;")
    image.file_to_stream.close()


def _field_file(name: str) -> object:
    return Attachment(file=name).file
