"""Bulk import of schools, students and school staff from the student information system.

Rules (issue "bulk import"; docs/import.md):
- the coordinator uploads a CSV or Excel file of one kind; nothing is written before they saw
  the preview with every row's result: new, changed, unchanged, or an error with the reason;
- rows are matched on natural keys within the institution: the school number, the student
  number, the e-mail address of a staff member; every row is validated with the model's own
  validation (`full_clean`), uniqueness against the whole institution and the file at once;
- the confirmation writes all rows in one transaction, and only when no row has an error;
- importing the same file again finds every row unchanged and writes nothing.
"""

import logging

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import models, transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import Institution, Person
from .columns import SCHOOL_COLUMNS, STAFF_COLUMNS, STUDENT_COLUMNS, alias_map, missing_columns
from .results import ImportPreview, RowResult, RowStatus
from .schools import plan_schools
from .staff import plan_staff
from .storage import import_file_discard, import_file_load, import_file_store
from .students import plan_students
from .table import EXCEL, check_excel, file_format, read_table

__all__ = [
    "COLUMNS",
    "ImportKind",
    "ImportPreview",
    "ImportRejected",
    "RowResult",
    "RowStatus",
    "import_commit",
    "import_preview",
]

logger = logging.getLogger(__name__)


class ImportKind(models.TextChoices):
    SCHOOLS = "schools", gettext_lazy("Schools")
    STUDENTS = "students", gettext_lazy("Students")
    STAFF = "staff", gettext_lazy("School staff")


COLUMNS = {
    ImportKind.SCHOOLS: SCHOOL_COLUMNS,
    ImportKind.STUDENTS: STUDENT_COLUMNS,
    ImportKind.STAFF: STAFF_COLUMNS,
}
_PLANNERS = {
    ImportKind.SCHOOLS: plan_schools,
    ImportKind.STUDENTS: plan_students,
    ImportKind.STAFF: plan_staff,
}


class ImportRejected(ValidationError):
    """The file has rows with errors: nothing was written. `preview` says which."""

    def __init__(self, preview: ImportPreview) -> None:
        super().__init__(
            _("Nothing was written: fix the rows with errors and upload the file again.")
        )
        self.preview = preview


def _plan(*, institution: Institution, kind: str, fmt: str, data: bytes) -> ImportPreview:
    columns = COLUMNS[ImportKind(kind)]
    table = read_table(data, fmt=fmt, aliases=alias_map(columns))
    missing = missing_columns(columns, table.columns)
    if missing:
        raise ValidationError(
            _("The file misses the columns %(columns)s (see the column list)."),
            params={"columns": ", ".join(missing)},
        )
    rows = _PLANNERS[ImportKind(kind)](institution=institution, table=table)
    return ImportPreview(kind=kind, fmt=fmt, rows=rows, ignored_columns=table.ignored_columns)


def import_preview(*, institution: Institution, kind: str, upload: File) -> ImportPreview:
    """What importing the file would do, row by row. Writes nothing but the stored file."""
    fmt = file_format(upload)
    if fmt == EXCEL:
        check_excel(upload)
    upload.seek(0)
    data = upload.read()
    if not data:
        raise ValidationError(_("The file is empty."))
    preview = _plan(institution=institution, kind=kind, fmt=fmt, data=data)
    preview.token = import_file_store(institution=institution, kind=kind, fmt=fmt, data=data)
    return preview


@transaction.atomic
def import_commit(
    *, institution: Institution, kind: str, fmt: str, token: str, actor: Person
) -> ImportPreview:
    """Write every new and changed row of the stored file, or nothing when a row has an error.

    The file is planned again against the records as they are now: what changed since the
    preview is taken into account, and a row that has become invalid stops the whole import.
    """
    data = import_file_load(institution=institution, kind=kind, fmt=fmt, token=token)
    preview = _plan(institution=institution, kind=kind, fmt=fmt, data=data)
    preview.token = token
    if preview.has_errors:
        raise ImportRejected(preview)
    for row in preview.rows:
        if row.apply is not None:
            row.apply()
    transaction.on_commit(
        lambda: import_file_discard(institution=institution, kind=kind, fmt=fmt, token=token)
    )
    logger.info(
        "Import of %s by person %s in institution %s: %s new, %s changed, %s unchanged",
        kind,
        actor.pk,
        institution.pk,
        preview.count(RowStatus.NEW),
        preview.count(RowStatus.CHANGED),
        preview.count(RowStatus.UNCHANGED),
    )
    return preview
