"""PDFs load nothing but our own static files: no network, no `file:`, no attachments.

The listener is a TCP socket on 127.0.0.1 that records every connection; the positive controls
show that the same HTML *would* reach it, or embed a file, without our URL fetcher.
"""

import socket
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from pypdf import PdfReader
from weasyprint import HTML

from internships.models import Role, StartApplication
from internships.pdf import start_application_pdf
from lio_portal.pdf import PDF_BASE_URL, AppFilesURLFetcher, EmbeddedFile, pdf_from_html
from tests.conftest import World
from tests.factories import stage_follows


class Listener:
    """Counts the connections made to a free loopback port until closed."""

    def __init__(self) -> None:
        self.socket = socket.create_server(("127.0.0.1", 0))
        self.socket.settimeout(0.1)
        self.port = self.socket.getsockname()[1]
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _address = self.socket.accept()
            except TimeoutError:
                continue
            self.connections += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.socket.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    each = Listener()
    yield each
    each.close()


def hostile_html(port: int) -> str:
    return f"""<html><head>
      <link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">
      <link rel="attachment" href="file:///etc/passwd">
      <link rel="attachment" href="http://127.0.0.1:{port}/leak.txt">
    </head><body>
      <p>Class: groep 7</p>
      <img src="http://127.0.0.1:{port}/x.png">
      <img src="file:///etc/passwd">
      <img src="//127.0.0.1:{port}/protocol-relative.png">
      <img src="/static/../../../../etc/passwd">
      <a rel="attachment" href="file:///etc/passwd">passwd</a>
      <div style="background: url(http://127.0.0.1:{port}/bg.png)">x</div>
    </body></html>"""


def attachments(pdf: bytes) -> list[str]:
    """Embedded files of the document and file-attachment annotations of its pages."""
    reader = PdfReader(BytesIO(pdf))
    found = list(reader.attachments)
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            if annotation.get_object().get("/Subtype") == "/FileAttachment":
                found.append("annotation")
    return found


def test_hostile_html_loads_nothing_and_embeds_nothing(listener: Listener) -> None:
    pdf = pdf_from_html(hostile_html(listener.port))
    assert pdf.startswith(b"%PDF")
    assert listener.connections == 0
    assert attachments(pdf) == []
    assert b"root:" not in pdf


@pytest.mark.django_db
def test_hostile_fields_of_a_real_document_load_nothing(world: World, listener: Listener) -> None:
    port = listener.port
    html = (  # short enough for the form's fields, which PostgreSQL holds to their length
        f'<img src="http://127.0.0.1:{port}/x.png"><img src="file:///etc/passwd">'
        f'<link rel="attachment" href="file:///etc/passwd">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/a.css">'
    )
    application = StartApplication.objects.create(
        placement=world.placement,
        school=world.school,
        class_name=html[:60],
        learning_areas=html,
        mentor=world.people[Role.MENTOR],
        status=StartApplication.Status.SUBMITTED,
    )
    stage_follows(world.placement)
    pdf = start_application_pdf(application).data
    assert listener.connections == 0
    assert attachments(pdf) == []


def test_control_without_our_fetcher_the_listener_is_reached(listener: Listener) -> None:
    """Proves the listener would notice: WeasyPrint's own fetcher follows the http URL."""
    html = f'<img src="http://127.0.0.1:{listener.port}/x.png">'
    HTML(string=html, base_url=PDF_BASE_URL).write_pdf()
    assert listener.connections >= 1


def test_control_an_allowed_attachment_would_be_found() -> None:
    pdf = pdf_from_html('<link rel="attachment" href="/static/css/print.css"><p>x</p>')
    assert attachments(pdf) == ["print.css"]


def test_the_fetcher_serves_our_static_files() -> None:
    response = AppFilesURLFetcher().fetch(f"{PDF_BASE_URL}static/css/print.css")
    assert response.read() == (Path(settings.BASE_DIR) / "static/css/print.css").read_bytes()
    assert response.headers.get_content_type() == "text/css"


def test_the_fetcher_serves_only_the_files_handed_to_it() -> None:
    fetcher = AppFilesURLFetcher({"photo": EmbeddedFile(b"\x89PNG", "image/png")})
    assert fetcher.fetch(f"{PDF_BASE_URL}pdf-files/photo").read() == b"\x89PNG"
    with pytest.raises(ValueError):
        fetcher.fetch(f"{PDF_BASE_URL}pdf-files/other")


@pytest.mark.parametrize(
    "url",
    [
        f"{PDF_BASE_URL}static/../../lio_portal/settings.py",
        f"{PDF_BASE_URL}static/%2e%2e/%2e%2e/lio_portal/settings.py",
        f"{PDF_BASE_URL}static/..%2f..%2fmanage.py",
        f"{PDF_BASE_URL}manage.py",
        "https://lio.example.org/static/css/app.css",
        "https://lio-portal.invalid.example.org/static/css/app.css",
        "http://127.0.0.1:8000/static/css/app.css",
        "file:///etc/passwd",
        "file:///static/css/app.css",
        "data:text/plain,hello",
    ],
)
def test_the_fetcher_refuses_everything_else(url: str) -> None:
    with pytest.raises(ValueError):
        AppFilesURLFetcher().fetch(url)
