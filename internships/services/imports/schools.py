"""Import plan for schools, keyed on the school number within the institution."""

from collections.abc import Callable

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from ...models import Country, Institution, Placement, Region, School
from ..action_dates import placement_action_dates_refresh
from .columns import SCHOOL_COLUMNS, labels
from .results import RowResult, RowStatus, track_changes
from .table import Table, normalise_header

# Region codes, and the names a student information system may use for them.
_REGIONS = {
    **{normalise_header(region.value): region.value for region in Region},
    **{
        normalise_header(name): region
        for region, names in (
            (Region.NL_NOORD, ("noord", "north", "regio noord")),
            (Region.NL_MIDDEN, ("midden", "middle", "regio midden")),
            (Region.NL_ZUID, ("zuid", "south", "regio zuid")),
            (Region.BE_VL, ("vlaanderen", "flanders", "vl")),
        )
        for name in names
    },
}
_YES = {"ja", "j", "yes", "y", "1", "true", "waar", "x"}
_NO = {"nee", "n", "no", "0", "false", "onwaar", ""}


def parse_bool(value: str) -> bool | None:
    text = value.strip().lower()
    return True if text in _YES else False if text in _NO else None


def plan_schools(*, institution: Institution, table: Table) -> list[RowResult]:
    """One result per row: a new school, changes to the school with that number, or errors."""
    existing = {
        school.school_number.upper(): school
        for school in School.objects.filter(institution=institution)
    }
    first_line: dict[str, int] = {}
    results = []
    for line, row in table.rows:
        number = row.get("school_number", "")
        result = RowResult(line=line, key=number, name=row.get("name", ""))
        results.append(result)
        if number.upper() in first_line:
            result.fail(
                _("School number %(number)s is also on line %(line)s.")
                % {"number": number, "line": first_line[number.upper()]}
            )
            continue
        first_line[number.upper()] = line
        _plan_school(result, row, institution, existing.get(number.upper()))
    return results


def _values(row: dict[str, str], result: RowResult) -> dict[str, object]:
    region = _REGIONS.get(normalise_header(row.get("region", "")), "")
    if not region:
        result.fail(
            _("Unknown holiday region “%(value)s”: use %(known)s.")
            % {"value": row.get("region", ""), "known": ", ".join(Region.values)}
        )
    partnership = parse_bool(row.get("in_partnership", ""))
    if partnership is None:
        result.fail(_("Training school: write yes or no."))
    return {
        "name": row.get("name", ""),
        "street": row.get("street", ""),
        "postal_code": row.get("postal_code", ""),
        "city": row.get("city", ""),
        "region": region,
        "country": Country.BE if region == Region.BE_VL else Country.NL,
        "in_partnership": bool(partnership),
    }


def _plan_school(
    result: RowResult, row: dict[str, str], institution: Institution, school: School | None
) -> None:
    values = _values(row, result)
    if result.errors:
        return
    names = labels(SCHOOL_COLUMNS) | {"country": _("country")}
    if school is None:
        school = School(institution=institution, school_number=result.key)
        result.status = RowStatus.NEW
        track_changes(school, values, names)
    else:
        result.changes = track_changes(school, values, names)
        result.status = RowStatus.CHANGED if result.changes else RowStatus.UNCHANGED
    try:
        # Uniqueness is checked above against every school at once, not a query per row.
        school.full_clean(validate_unique=False, validate_constraints=False)
    except ValidationError as exc:
        result.fail_validation(exc, names)
        return
    if result.status != RowStatus.UNCHANGED:
        result.apply = _saver(school)


def _saver(school: School) -> Callable[[], None]:
    """Save the school. A school that was there already may have another region (holiday
    calendar) now: its placements' action dates follow."""
    known = school.pk is not None

    def save() -> None:
        school.save()
        if known:
            placement_action_dates_refresh(placements=Placement.objects.filter(school=school))

    return save
