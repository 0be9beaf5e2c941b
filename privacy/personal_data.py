"""The privacy app's own records, and the models of Django itself that point at a user."""

from django.contrib.admin.models import LogEntry
from django.utils.translation import gettext_lazy as _

from privacy.registry import Section, by, exclude, register

from .models import Anonymisation, DataExport


def register_personal_data() -> None:
    """Called by the privacy app on start-up."""
    register(
        Section(
            name="data_exports",
            model=DataExport,
            description=_("Earlier exports of the person's data: when and by whom."),
            subject=by("person"),
            fields=("exported_at", "records", "files"),
            people=("exported_by",),
        )
    )
    exclude(Anonymisation, reason="only marks that the person was anonymised")
    exclude(LogEntry, reason="the Django admin's log of changes by site administrators")
