"""Services never use .update() or bulk writes on audited models: the guard of
tests/conftest.py fails them, and it can fail (these tests expect the failure)."""

import pytest
from simple_history.utils import bulk_create_with_history

from audit.writes import UnauditedWriteError, unaudited_writes
from internships.models import Institution, LioDay, Placement, Role
from tests.conftest import World

pytestmark = pytest.mark.django_db


def test_update_on_an_audited_model_fails(world: World) -> None:
    with pytest.raises(UnauditedWriteError, match=r"internships\.Placement"):
        Placement.objects.filter(pk=world.placement.pk).update(class_name="groep 8")


def test_bulk_update_and_bulk_create_on_an_audited_model_fail(world: World) -> None:
    placement = world.placement
    placement.class_name = "groep 8"
    with pytest.raises(UnauditedWriteError):
        Placement.objects.bulk_update([placement], ["class_name"])
    with pytest.raises(UnauditedWriteError):
        LioDay.objects.bulk_create([LioDay(placement=placement, date=placement.start_date)])


def test_a_related_managers_bulk_clear_fails(world: World) -> None:
    """`clear()` on a nullable foreign key is an UPDATE too."""
    mentor = world.people[Role.MENTOR]
    with pytest.raises(UnauditedWriteError):
        mentor.mentored_placements.clear()


def test_writes_to_fields_the_history_leaves_out_pass(world: World) -> None:
    """The day-log counters are a cache: excluded from the history, recounted in one UPDATE."""
    assert Placement.objects.filter(pk=world.placement.pk).update(days_logged=3) == 1


def test_unaudited_models_and_the_history_utilities_pass(world: World) -> None:
    Institution.objects.filter(pk=world.institution.pk).update(short_name="X")
    day = LioDay(
        placement=world.placement, date=world.school_year.start_date, kind=LioDay.Kind.LESSON
    )
    bulk_create_with_history([day], LioDay)
    assert LioDay.history.filter(placement_id=world.placement.pk).count() == 1


def test_an_explicit_block_allows_a_bulk_write(world: World) -> None:
    with unaudited_writes():
        Placement.objects.filter(pk=world.placement.pk).update(class_name="groep 8")
    with pytest.raises(UnauditedWriteError):
        Placement.objects.filter(pk=world.placement.pk).update(class_name="groep 1")


@pytest.mark.unaudited_writes
def test_the_marker_allows_a_change_behind_the_apps_back(world: World) -> None:
    Placement.objects.filter(pk=world.placement.pk).update(class_name="groep 8")
    world.placement.refresh_from_db()
    assert world.placement.class_name == "groep 8"
    assert not world.placement.history.filter(class_name="groep 8").exists()
