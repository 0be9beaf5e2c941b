"""Many demo students with realistic records, for load tests: `seed_demo --students N`.

Adds N students spread over the two demo institutions (run after `seed_demo`), with the
schools, school staff and study coaches to go with them. Each student gets a placement of the
demo school year in one of the pipeline's stages (or none, or a cancelled one), the start
application with its signature requests and signatures at that stage, and on track NL the
entry requirements and the LIO days logged so far (some not logged, some not confirmed yet).
Everything is written with `bulk_create`: 10,000 students take well under a few minutes.
Running it again adds N more (the numbers continue); it never changes existing records.

Other workflows add their own records with `register_bulk_seeder(seeder)`: `seeder(batch)` is
called with each institution's `ScaleBatch` after the records above exist. The portfolio adds
assignment work and profile sketches this way (portfolio/demo_scale.py); observations, the
professional product and the lesson assessment register theirs in the same way.
"""

import random
from collections.abc import Callable
from datetime import date

from audit.writes import unaudited_writes

from ..models import Institution, Placement
from ..services.action_dates import placement_action_dates_refresh
from ..services.pipeline import placement_stages_refresh
from .applications import seed_applications
from .batch import ScaleBatch
from .days import seed_days
from .people import seed_people
from .placements import seed_placements

__all__ = ["ScaleBatch", "register_bulk_seeder", "seed_scale"]

BulkSeeder = Callable[[ScaleBatch], None]
_SEEDERS: list[BulkSeeder] = []

DEMO_INSTITUTIONS = ("Pabo Zuid-West", "Hogeschool Kempenland")


def register_bulk_seeder(seeder: BulkSeeder) -> None:
    """Hook for the other workflows: add their records to every batch of new students."""
    if seeder not in _SEEDERS:
        _SEEDERS.append(seeder)


def seed_scale(*, students: int, today: date) -> list[ScaleBatch]:
    """Add `students` students over the demo institutions (the first gets the odd one)."""
    institutions = list(Institution.objects.filter(name__in=DEMO_INSTITUTIONS).order_by("-name"))
    if not institutions:
        raise ValueError("Run seed_demo first: the demo institutions do not exist.")
    batches = []
    # Load-test data is written in bulk without history rows: nobody made these changes, and
    # the 10,000-student seed stays fast (docs/decisions.md, "Audit history").
    with unaudited_writes():
        for index, institution in enumerate(institutions):
            count = students // len(institutions)
            count += 1 if index < students % len(institutions) else 0
            if count:
                batches.append(_seed_institution(institution, count, today))
    return batches


def _seed_institution(institution: Institution, count: int, today: date) -> ScaleBatch:
    batch = seed_people(institution=institution, count=count, today=today)
    rng = random.Random(f"{institution.pk}-{batch.first_number}")  # noqa: S311 - demo data  # nosec B311
    seed_placements(batch, rng)
    seed_applications(batch, rng)
    seed_days(batch, rng)
    for seeder in _SEEDERS:
        seeder(batch)
    placements = Placement.objects.filter(school_year=batch.school_year)
    placement_stages_refresh(placements=placements)
    placement_action_dates_refresh(placements=placements)
    return batch
