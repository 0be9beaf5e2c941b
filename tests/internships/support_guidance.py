"""Shared set-up for the guidance tests: a Flemish (track VL) world with an active placement."""

from datetime import date

from internships.models import Country, Observation, Placement
from tests.conftest import World, build_world
from tests.factories import ObservationFactory, stage_follows


def vl_world() -> World:
    """A track-VL placement that runs from 1 September 2026 to 30 June 2027."""
    world = build_world(Country.BE)
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.start_date = date(2026, 9, 1)
    placement.end_date = date(2027, 6, 30)
    placement.class_name = "2A"
    placement.save()
    stage_follows(placement)
    return world


def signed(placement: Placement, day: date, **fields: object) -> Observation:
    """An observation the mentor signed off (it counts for the cadence rule)."""
    return ObservationFactory(
        placement=placement, observed_on=day, status=Observation.Status.SIGNED, **fields
    )
