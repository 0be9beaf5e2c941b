"""PDFs render with the production static files storage (hashed names, a manifest): the
fetcher finds the collected stylesheet and still refuses anything outside the static files."""

import json
from pathlib import Path
from typing import Any

import pytest
from django.templatetags.static import static

from lio_portal.pdf import PDF_BASE_URL, AppFilesURLFetcher


@pytest.fixture
def manifest_storage(settings: Any, tmp_path: Path) -> Path:
    """A collected STATIC_ROOT with the print stylesheet under its hashed name."""
    (tmp_path / "css").mkdir()
    (tmp_path / "css" / "print.0123456789ab.css").write_text("@page { size: A4 }")
    manifest = {"paths": {"css/print.css": "css/print.0123456789ab.css"}, "version": "1.1"}
    (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
    }
    return tmp_path


def test_the_fetcher_serves_the_collected_stylesheet_by_its_hashed_name(
    manifest_storage: Path,
) -> None:
    url = static("css/print.css")
    assert url.endswith("print.0123456789ab.css")
    response = AppFilesURLFetcher().fetch(PDF_BASE_URL + url.lstrip("/"))
    assert response.read() == b"@page { size: A4 }"


def test_the_fetcher_refuses_paths_outside_the_static_files(manifest_storage: Path) -> None:
    with pytest.raises(ValueError, match=r"may not load|No static file"):
        AppFilesURLFetcher().fetch(PDF_BASE_URL + "static/../staticfiles.json")
    with pytest.raises(ValueError, match=r"may not load|No static file"):
        AppFilesURLFetcher().fetch(PDF_BASE_URL + "static/%2e%2e/%2e%2e/etc/passwd")
