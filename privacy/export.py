"""A person's data as a zip: one JSON file per kind of record, their files, a README.txt.

The rule (GDPR/AVG art. 15 and 20): a coordinator hands a person everything the portal holds
about them on request. Each section of the registry gives one query, so the export takes the
same number of queries however many records there are; files are copied into a temporary file
in chunks, so a large portfolio never sits in memory.
"""

import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO, Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import get_valid_filename

from internships.models import Person

from .models import DataExport
from .registry import Section, sections

FORMAT_VERSION = 1
MAX_NAME_LENGTH = 100


@dataclass(frozen=True)
class ExportFile:
    section: Section
    stored_name: str
    archive_name: str


@dataclass
class PersonalData:
    """What the export holds: per section the records, and the files to copy."""

    person: Person
    records: dict[str, list[dict[str, Any]]]
    files: list[ExportFile]

    @property
    def record_count(self) -> int:
        return sum(len(rows) for rows in self.records.values())


def personal_data_collect(*, person: Person) -> PersonalData:
    """Every registered section's rows about `person`: one query per section."""
    records: dict[str, list[dict[str, Any]]] = {}
    files: list[ExportFile] = []
    for section in sections():
        rows = _section_rows(section, person)
        section_files = _section_files(section, rows)
        records[section.name] = rows
        files.extend(section_files)
    return PersonalData(person=person, records=records, files=files)


def _section_rows(section: Section, person: Person) -> list[dict[str, Any]]:
    names = {
        f"{field}_full_name": Concat(
            F(f"{field}__first_name"), Value(" "), F(f"{field}__last_name")
        )
        for field in section.people
    }
    extra = [name for name in (section.file_field, section.original_name_field) if name]
    values = list(dict.fromkeys(("pk", *section.fields, *extra)))
    queryset = section.model._default_manager.filter(section.subject(person)).distinct()
    return list(queryset.annotate(**names).order_by("pk").values(*values, *names))


def _section_files(section: Section, rows: list[dict[str, Any]]) -> list[ExportFile]:
    """The files of these rows; in the record the stored name becomes the path in the zip."""
    if not section.file_field:
        return []
    files = []
    for row in rows:
        stored = row[section.file_field]
        if not stored:
            row[section.file_field] = None
            continue
        original = row.get(section.original_name_field or "") or PurePath(stored).name
        name = f"files/{section.name}/{row['pk']}-{safe_file_name(original)}"
        row[section.file_field] = name
        files.append(ExportFile(section, stored, name))
    return files


def safe_file_name(name: str) -> str:
    """The original name without folders, odd characters or excess length."""
    base = PurePath(name.replace("\\", "/").replace("\x00", "")).name.lstrip(".")
    base = get_valid_filename(base) if base.strip() else "file"
    stem, suffix = PurePath(base).stem, PurePath(base).suffix[:10]
    stem = stem.lstrip(".")[: MAX_NAME_LENGTH - len(suffix)] or "file"
    return f"{stem}{suffix}"


@transaction.atomic
def personal_data_export(*, person: Person, exported_by: Person) -> tuple[IO[bytes], str]:
    """Build the zip in a temporary file and log who exported whom; returns (file, name)."""
    data = personal_data_collect(person=person)
    handle = tempfile.TemporaryFile()  # noqa: SIM115 - handed to the response, which closes it
    with zipfile.ZipFile(handle, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(data))
        for name, rows in data.records.items():
            archive.writestr(f"{name}.json", _json(name, rows))
        for export_file in data.files:
            _copy_file(archive, export_file)
    handle.seek(0)
    DataExport.objects.create(
        institution_id=person.institution_id,
        person=person,
        exported_by=exported_by,
        records=data.record_count,
        files=len(data.files),
    )
    return handle, f"personal-data-{person.pk}-{timezone.localdate():%Y-%m-%d}.zip"


def _json(name: str, rows: list[dict[str, Any]]) -> str:
    document = {"format": FORMAT_VERSION, "section": name, "count": len(rows), "records": rows}
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def _copy_file(archive: zipfile.ZipFile, export_file: ExportFile) -> None:
    section = export_file.section
    storage = section.model._meta.get_field(section.file_field or "").storage  # type: ignore[union-attr]
    if not storage.exists(export_file.stored_name):
        return
    with (
        storage.open(export_file.stored_name, "rb") as source,
        archive.open(export_file.archive_name, "w", force_zip64=True) as target,
    ):
        shutil.copyfileobj(source, target, 1024 * 1024)


def _readme(data: PersonalData) -> str:
    return render_to_string(
        "privacy/export_readme.txt",
        {
            "person": data.person,
            "sections": [(s, len(data.records[s.name])) for s in sections()],
            "files": data.files,
            "format": FORMAT_VERSION,
            "now": timezone.now(),
        },
    )
