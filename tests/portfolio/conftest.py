"""Fixtures of the portfolio tests: a Flemish world (track VL) and uploads made in code."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from internships.models import Country, Role
from portfolio.demo_files import tiny_pdf, tiny_png
from portfolio.models import ProductStatus
from tests.conftest import World, build_world
from tests.factories import AssignmentFactory, ProfessionalProductFactory

DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"


@pytest.fixture
def vl_world(db: None) -> World:
    """A Flemish institution: the student is in LIO year 1 of a track VL programme."""
    return build_world(Country.BE)


@pytest.fixture
def assignment(vl_world: World) -> object:
    return AssignmentFactory(programme=vl_world.placement.student.programme, lio_year=1)


def student_of(world: World) -> object:
    return world.people[Role.STUDENT].student_profile  # type: ignore[attr-defined]


def pdf_upload(name: str = "lesvoorbereiding.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_pdf("Lesvoorbereiding"), "application/pdf")


def png_upload(name: str = "klas.png") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, tiny_png(), "image/png")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def docx_bytes(main_type: str = DOCX_MAIN) -> bytes:
    content_types = (
        '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        f'content-types"><Override PartName="/word/document.xml" ContentType="{main_type}"/>'
        "</Types>"
    ).encode()
    return zip_bytes(
        {
            "[Content_Types].xml": content_types,
            "word/document.xml": b"<w:document/>",
        }
    )


def assign_graduation_supervisor(world: World, supervisor: object = None) -> object:
    """Approve a professional product for the world's student with its graduation supervisor
    (or `supervisor`): that is who reads and assesses the student's profile sketch."""
    return ProfessionalProductFactory(
        student=student_of(world),
        status=ProductStatus.PHASE_1,
        approved_on=timezone.localdate(),
        graduation_supervisor=supervisor or world.people[Role.GRADUATION_SUPERVISOR],
    )
