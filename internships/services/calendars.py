"""The coordinator's corrections to the school calendars (overrides).

Rule (DOMAIN.md "Calendars"): the holiday library can be wrong or late; the coordinator adds,
changes or removes free days and school days per school year, for the whole institution or for
one school, and those overrides win.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import CalendarOverride, Institution, Person, School, SchoolYear
from .action_dates import institution_action_dates_refresh

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class OverrideData:
    school_year: SchoolYear
    school: School | None
    kind: str
    start_date: date
    end_date: date
    label: str


def _apply(override: CalendarOverride, data: OverrideData, by: Person) -> CalendarOverride:
    if data.school_year.institution_id != override.institution_id:
        raise ValidationError({"school_year": _("The school year belongs to another institution.")})
    override.school_year = data.school_year
    override.school = data.school
    override.kind = data.kind
    override.start_date = data.start_date
    override.end_date = data.end_date
    override.label = data.label.strip()
    override.changed_by = by
    override.full_clean()
    override.save()
    institution_action_dates_refresh(institution_id=override.institution_id)
    return override


@transaction.atomic
def calendar_override_create(
    *, institution: Institution, data: OverrideData, by: Person
) -> CalendarOverride:
    """Add a free day or range, or mark library days as school days."""
    override = _apply(CalendarOverride(institution=institution), data, by)
    logger.info("Calendar override %s created by person %s", override.pk, by.pk)
    return override


@transaction.atomic
def calendar_override_update(
    *, override: CalendarOverride, data: OverrideData, by: Person
) -> CalendarOverride:
    """Change an override; plans made from now on use the new calendar."""
    _apply(override, data, by)
    logger.info("Calendar override %s changed by person %s", override.pk, by.pk)
    return override


@transaction.atomic
def calendar_override_delete(*, override: CalendarOverride, by: Person) -> None:
    """Remove an override: the library's calendar applies again for those days."""
    logger.info("Calendar override %s (%s) deleted by person %s", override.pk, override, by.pk)
    override.delete()
    institution_action_dates_refresh(institution_id=override.institution_id)
