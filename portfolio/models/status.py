"""The status every piece of portfolio work goes through, for assignments and profile sketches."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    REVISE = "revise", _("Revision requested")
    APPROVED = "approved", _("Approved")


# The student may change the work only while it is not with the assessor and not approved.
EDITABLE_STATUSES = frozenset({WorkStatus.NOT_STARTED, WorkStatus.DRAFT, WorkStatus.REVISE})
