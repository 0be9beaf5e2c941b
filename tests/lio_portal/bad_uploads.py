"""A corpus of hostile uploads, generated in code: every one must be refused."""

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from portfolio.demo_files import tiny_pdf, tiny_png

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
DOCM_MAIN = "application/vnd.ms-word.document.macroEnabled.main+xml"


@dataclass(frozen=True)
class BadUpload:
    key: str
    name: str
    data: Callable[[], bytes]


def _zip(members: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", level) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx(main_type: str, extra: dict[str, bytes] | None = None) -> bytes:
    types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        "</Types>"
    ).encode()
    return _zip(
        {"[Content_Types].xml": types, "word/document.xml": b"<w:document/>", **(extra or {})}
    )


def _zip_bomb() -> bytes:
    """A .docx whose one part unpacks to far more than the limit (set low by the test)."""
    return _docx(DOCX_MAIN, {"word/media/bomb.bin": b"\0" * (3 * 1024 * 1024)})


def _pe() -> bytes:
    header = bytearray(b"MZ" + b"\0" * 62)
    header[60:64] = (64).to_bytes(4, "little")
    return bytes(header) + b"PE\0\0" + b"\x4c\x01" + b"\0" * 200


def _pdf_with_javascript() -> bytes:
    pdf = tiny_pdf("Lesplan")
    return pdf.replace(
        b"/Type /Catalog", b"/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>", 1
    )


# A NUL or zero-width character in a name never reaches the portal: Django's upload parser
# removes it (test_hidden_characters_are_stripped_before_the_check); check_upload would refuse it.
CORPUS = [
    BadUpload("elf", "lesplan.pdf", lambda: b"\x7fELF\x02\x01\x01" + b"\0" * 500),
    BadUpload("pe", "rooster.pdf", _pe),
    BadUpload(
        "html-as-pdf",
        "verslag.pdf",
        lambda: b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    ),
    BadUpload(
        "svg-as-pdf",
        "tekening.pdf",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    ),
    BadUpload(
        "pdf-html-polyglot",
        "poly.pdf",
        lambda: b"%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF",
    ),
    BadUpload("pdf-javascript", "les.pdf", _pdf_with_javascript),
    BadUpload(
        "passwd-traversal",
        "../../etc/passwd.pdf",
        lambda: b"root:x:0:0:root:/root:/bin/bash\n" * 20,
    ),
    BadUpload("rtl-override", "factuur\u202efdp.exe", lambda: tiny_pdf("RTL")),
    BadUpload("empty", "leeg.pdf", lambda: b""),
    BadUpload("too-large", "groot.pdf", lambda: tiny_pdf("Groot") + b"%" * (2 * 1024 * 1024)),
    BadUpload("zip-bomb-docx", "verslag.docx", _zip_bomb),
    BadUpload(
        "zip-of-something-else",
        "verslag.docx",
        lambda: _zip({"readme.txt": b"hello", "run.sh": b"rm -rf /"}),
    ),
    BadUpload(
        "docm-as-docx",
        "macro.docx",
        lambda: _docx(DOCM_MAIN, {"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}),
    ),
    BadUpload("php-as-jpeg", "foto.jpg", lambda: b"<?php system($_GET['c']); ?>"),
    BadUpload(
        "jpeg-with-php",
        "foto.jpg",
        lambda: b"\xff\xd8\xff\xe0\0\x10JFIF\0" + b"<?php system($_GET['c']); ?>",
    ),
    BadUpload("gif-php-polyglot", "anim.gif", lambda: b"GIF89a<?php system($_GET['c']); ?>"),
    BadUpload("double-extension", "plan.pdf.exe", lambda: tiny_pdf("Dubbel")),
    BadUpload("too-long-name", "a" * 250 + ".pdf", lambda: tiny_pdf("Lang")),
    BadUpload(
        "svg-as-png",
        "foto.png",
        lambda: b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    ),
    BadUpload("truncated-png", "klas.png", lambda: tiny_png()[:40]),
]
