"""The coordinator's bulk import: upload, preview every row, confirm (all rows or none)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .forms.imports import ImportConfirmForm, ImportUploadForm
from .membership import Membership
from .models import Role
from .permissions import role_required
from .services.imports import (
    COLUMNS,
    ImportKind,
    ImportPreview,
    ImportRejected,
    RowStatus,
    import_commit,
    import_preview,
)

_AFTER_IMPORT = {
    ImportKind.SCHOOLS: "internships:school-list",
    ImportKind.STUDENTS: "internships:student-list",
    ImportKind.STAFF: "internships:import",
}


def _preview_page(request: HttpRequest, preview: ImportPreview, status: int = 200) -> HttpResponse:
    confirm = ImportConfirmForm(
        initial={"kind": preview.kind, "fmt": preview.fmt, "token": preview.token}
    )
    context = {"preview": preview, "confirm_form": confirm, "kind": ImportKind(preview.kind)}
    return render(request, "internships/import_preview.html", context, status=status)


@role_required(Role.COORDINATOR)
def import_upload(request: HttpRequest) -> HttpResponse:
    """Upload a file; the answer is the preview (nothing is written yet)."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            preview = import_preview(
                institution=membership.institution,  # type: ignore[arg-type]
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as exc:
            form.add_error("file", exc)
        else:
            return _preview_page(request, preview)
    columns = [(ImportKind(kind), columns) for kind, columns in COLUMNS.items()]
    return render(request, "internships/import_form.html", {"form": form, "columns": columns})


@require_POST
@role_required(Role.COORDINATOR)
def import_confirm(request: HttpRequest) -> HttpResponse:
    """Write the previewed file: every row, or none when a row has an error."""
    membership: Membership = request.membership  # type: ignore[attr-defined]
    form = ImportConfirmForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("This upload is not known; upload the file again."))
        return redirect("internships:import")
    try:
        preview = import_commit(
            institution=membership.institution,  # type: ignore[arg-type]
            actor=membership.person,  # type: ignore[arg-type]
            **form.cleaned_data,
        )
    except ImportRejected as exc:
        messages.error(request, exc.message)
        return _preview_page(request, exc.preview, status=400)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("internships:import")
    messages.success(
        request,
        _("Imported: %(new)s new, %(changed)s changed, %(unchanged)s unchanged.")
        % {
            "new": preview.count(RowStatus.NEW),
            "changed": preview.count(RowStatus.CHANGED),
            "unchanged": preview.count(RowStatus.UNCHANGED),
        },
    )
    return redirect(_AFTER_IMPORT[ImportKind(preview.kind)])
