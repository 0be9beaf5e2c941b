"""Test-time check: every placement's stored pipeline stage equals the derived one.

Installed for every test with database access by tests/conftest.py: whatever a test did
(services, factories, the admin), `Placement.stage_rank` must still equal
`derived_stage_rank()` at its end, so a path that changes a status without refreshing the
stage fails the test that takes it.
"""

from django.db.models import F

from internships.models import Placement
from internships.pipeline import derived_stage_rank


def stale_stages() -> list[tuple[int, int, int]]:
    """(placement, stored rank, derived rank) of every placement whose stage is stale."""
    return list(
        Placement.objects.annotate(derived=derived_stage_rank())
        .exclude(stage_rank=F("derived"))
        .values_list("pk", "stage_rank", "derived")
    )
