"""Render PDFs with WeasyPrint from the app's own files only.

The URL fetcher answers for our static files (found on disk through the staticfiles finders)
and for files the caller hands over explicitly (uploaded images, already checked for access).
Everything else, network and `file:` URLs included, is refused, and redirects are not followed.
"""

import mimetypes
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.exceptions import SuspiciousFileOperation
from django.template.loader import render_to_string
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# A base URL that cannot be reached: relative links in the print templates resolve against it.
PDF_BASE_URL = "https://lio-portal.invalid/"
FILES_PREFIX = "/pdf-files/"


@dataclass(frozen=True)
class PdfDocument:
    filename: str
    content_type: str
    data: bytes


@dataclass(frozen=True)
class EmbeddedFile:
    """A file the caller allows in one PDF, addressed as `{% url %}`-free `/pdf-files/<key>`."""

    data: bytes
    content_type: str


def embedded_file_url(key: str) -> str:
    return f"{FILES_PREFIX}{key}"


class AppFilesURLFetcher(URLFetcher):
    """Serves our static files and the caller's embedded files; refuses everything else."""

    def __init__(self, files: Mapping[str, EmbeddedFile] | None = None) -> None:
        super().__init__(allowed_protocols=("https",), allow_redirects=False)
        self._files = dict(files or {})
        # Not static(""): the manifest storage of production has no entry for "".
        self._static_prefix = urlsplit(staticfiles_storage.base_url).path

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        if not url.startswith(PDF_BASE_URL):
            raise ValueError(f"PDF rendering may not load {url!r}")
        path = unquote(urlsplit(url).path)
        if path.startswith(FILES_PREFIX) and path[len(FILES_PREFIX) :] in self._files:
            embedded = self._files[path[len(FILES_PREFIX) :]]
            return URLFetcherResponse(url, embedded.data, {"Content-Type": embedded.content_type})
        if path.startswith(self._static_prefix):
            return self._static(url, path[len(self._static_prefix) :])
        raise ValueError(f"PDF rendering may not load {url!r}")

    def _static(self, url: str, relative: str) -> URLFetcherResponse:
        try:
            # The source file, or in production the collected one with its hashed name.
            found = finders.find(relative) or _collected(relative)
        except SuspiciousFileOperation as exc:
            raise ValueError(f"PDF rendering may not load {url!r}") from exc
        if not found:
            raise ValueError(f"No static file {relative!r}")
        content_type = mimetypes.guess_type(relative)[0] or "application/octet-stream"
        return URLFetcherResponse(url, Path(found).read_bytes(), {"Content-Type": content_type})


def _collected(relative: str) -> str | None:
    try:
        path = staticfiles_storage.path(relative)
    except NotImplementedError:
        return None
    return path if Path(path).is_file() else None


def render_pdf(
    template_name: str,
    context: Mapping[str, Any],
    *,
    files: Mapping[str, EmbeddedFile] | None = None,
) -> bytes:
    """Render a print template to PDF bytes; only our static files and `files` can be loaded."""
    return pdf_from_html(render_to_string(template_name, dict(context)), files=files)


def pdf_from_html(html: str, *, files: Mapping[str, EmbeddedFile] | None = None) -> bytes:
    document = HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=AppFilesURLFetcher(files))
    return document.write_pdf()
