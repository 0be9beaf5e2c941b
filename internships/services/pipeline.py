"""The pipeline stage kept on each placement (see `internships.pipeline`)."""

from django.db.models import QuerySet

from internships.models import Placement
from internships.pipeline import derived_stage_rank


def placement_stages_refresh(*, placements: QuerySet[Placement]) -> int:
    """Derive the pipeline stage of `placements` again, in one UPDATE.

    Rule: `Placement.stage_rank` always equals `derived_stage_rank()`; every service that
    changes a placement's status, its start application's status or its assessment's
    outcome calls this (and so do the admin and the demo seeds). Returns the number of
    placements updated."""
    return placements.order_by().update(stage_rank=derived_stage_rank())


def placement_stage_refresh(placement_id: int) -> None:
    """The same for one placement."""
    placement_stages_refresh(placements=Placement.objects.filter(pk=placement_id))
