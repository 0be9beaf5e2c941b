"""Reading an uploaded CSV or Excel file into rows keyed by our column names.

- Excel: a real .xlsx (checked by content, `lio_portal.uploads`), the first sheet, values as
  text (whole numbers without ".0", dates as YYYY-MM-DD);
- CSV: UTF-8 (with or without byte-order mark) or Windows-1252, separated by semicolons,
  commas or tabs (whichever the header line uses);
- the first row is the header; header names are matched case-insensitively, ignoring spaces,
  hyphens and underscores, in English or in Dutch (see docs/import.md); unknown columns are
  ignored and reported; empty rows are skipped.
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files import File
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from lio_portal.uploads import XLSX, check_upload

MAX_ROWS = 20_000
CSV, EXCEL = "csv", "xlsx"


@dataclass
class Table:
    """The rows of the file: (line number, {column: text}), and what was not understood."""

    rows: list[tuple[int, dict[str, str]]]
    columns: set[str] = field(default_factory=set)
    ignored_columns: list[str] = field(default_factory=list)


def normalise_header(name: str) -> str:
    return "".join(ch for ch in name.strip().lower() if ch.isalnum())


def file_format(upload: File) -> str:
    """ "xlsx" or "csv", by the file's name; the content is checked when it is read."""
    suffix = PurePath(upload.name or "").suffix.lower()
    if suffix == ".xlsx":
        return EXCEL
    if suffix in (".csv", ".txt"):
        return CSV
    raise ValidationError(_("Upload a CSV file (.csv) or an Excel workbook (.xlsx)."))


def read_table(data: bytes, *, fmt: str, aliases: dict[str, str]) -> Table:
    """The file's rows keyed by column name (`aliases` maps normalised headers to names)."""
    if len(data) > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(max)s MB."),
            params={"max": settings.UPLOAD_MAX_BYTES // (1024 * 1024)},
        )
    lines = _excel_lines(data) if fmt == EXCEL else _csv_lines(data)
    header = next(lines, None)
    if not header:
        raise ValidationError(_("The file is empty: the first row must name the columns."))
    columns = [aliases.get(normalise_header(name)) for name in header]
    table = Table(
        rows=[],
        columns={c for c in columns if c},
        ignored_columns=[h for h, c in zip(header, columns, strict=True) if h and not c],
    )
    for number, values in enumerate(lines, start=2):
        if number - 1 > MAX_ROWS:
            raise ValidationError(
                _("The file has more than %(max)s rows; split it."), params={"max": MAX_ROWS}
            )
        row = {c: v.strip() for c, v in zip(columns, values, strict=False) if c and v is not None}
        if any(row.values()):
            table.rows.append((number, row))
    return table


def check_excel(upload: File) -> None:
    """A real .xlsx workbook (not a renamed or macro-enabled file, no zip bomb)."""
    check_upload(upload, allowed={XLSX})


def _csv_lines(data: bytes) -> Any:
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first_line.count)
    return iter(csv.reader(io.StringIO(text), delimiter=delimiter))


def _decode(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise ValidationError(_("This is not a text (CSV) file."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _excel_lines(data: bytes) -> Any:
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError(_("The Excel file could not be read.")) from exc
    sheet = workbook.worksheets[0]
    for values in sheet.iter_rows(values_only=True):
        yield [_cell_text(value) for value in values]
    workbook.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
