"""Spreadsheet downloads: CSV (streamed) and Excel (.xlsx), safe to open.

Formula injection: a spreadsheet program runs a cell that starts with =, +, - or @ (and a tab
or carriage return can hide one) as a formula. Every text cell that starts with one of those
gets a leading apostrophe, so that it is shown as text (OWASP "CSV Injection").
CSV files are UTF-8 with a byte-order mark and semicolons: what Excel in Dutch and Flemish
settings opens in columns without asking.
"""

import csv
from collections.abc import Iterable, Iterator, Sequence
from io import BytesIO
from typing import Any

from django.http import HttpResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_DELIMITER = ";"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """The value as a spreadsheet should show it: text that could be a formula is quoted."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _safe_row(row: Iterable[Any]) -> list[Any]:
    return [safe_cell(value) for value in row]


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_lines(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo(), delimiter=CSV_DELIMITER)
    yield "\ufeff" + writer.writerow(_safe_row(header))
    for row in rows:
        yield writer.writerow(_safe_row(row))


def csv_response(
    *, filename: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> StreamingHttpResponse:
    """A CSV download written row by row while it is sent."""
    response = StreamingHttpResponse(_csv_lines(header, rows), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def xlsx_bytes(*, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]) -> bytes:
    """A one-sheet workbook, written in openpyxl's streaming mode (fine for 10,000s of rows)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    for index, name in enumerate(header, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(12, len(name) + 4)
    sheet.append(_safe_row(header))
    for row in rows:
        sheet.append(_safe_row(row))
    buffer = BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_response(
    *, filename: str, title: str, header: Sequence[str], rows: Iterable[Sequence[Any]]
) -> HttpResponse:
    response = HttpResponse(
        xlsx_bytes(title=title, header=header, rows=rows), content_type=XLSX_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
