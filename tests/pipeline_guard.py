"""Test-time check: what is kept on each placement equals what it is derived from.

Installed for every test with database access by tests/conftest.py: whatever a test did
(services, factories, the admin), `Placement.stage_rank` must still equal
`derived_stage_rank()` at its end, and the action dates (`log_behind_from`,
`first_short_month`) what `derived_action_dates()` works out, so a path that changes a
status, a day log, an observation or a calendar without refreshing them fails the test that
takes it.
"""

from django.db.models import F

from internships.models import Placement
from internships.pipeline import derived_stage_rank
from internships.services.action_dates import derived_action_dates


def stale_stages() -> list[tuple[int, int, int]]:
    """(placement, stored rank, derived rank) of every placement whose stage is stale."""
    return list(
        Placement.objects.annotate(derived=derived_stage_rank())
        .exclude(stage_rank=F("derived"))
        .values_list("pk", "stage_rank", "derived")
    )


def stale_action_dates() -> list[tuple[int, object, object]]:
    """(placement, stored, derived) of every placement whose action dates are stale."""
    stored = Placement.objects.values_list("pk", "log_behind_from", "first_short_month")
    derived = derived_action_dates(Placement.objects.all())
    return [(pk, (a, b), derived[pk]) for pk, a, b in stored if (a, b) != derived[pk]]
