"""The columns each kind of import file has, with the header names we recognise.

docs/import.md lists the same; `tests/internships/test_import.py` checks that it does.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .table import normalise_header


@dataclass(frozen=True)
class Column:
    name: str
    label: Promise
    required: bool
    aliases: tuple[str, ...] = ()


_PREFIX = Column("name_prefix", _("name prefix"), False, ("tussenvoegsel", "tussenvoegsels"))
_PHONE = Column("phone", _("phone"), False, ("telefoon", "telefoonnummer"))

SCHOOL_COLUMNS = (
    Column(
        "school_number",
        _("school number"),
        True,
        ("brin", "brinnummer", "schoolnummer", "instellingsnummer"),
    ),
    Column("name", _("name"), True, ("naam", "schoolnaam")),
    Column("street", _("street and number"), False, ("straat", "adres", "address")),
    Column("postal_code", _("postal code"), False, ("postcode",)),
    Column("city", _("city"), True, ("plaats", "vestigingsplaats", "gemeente")),
    Column("region", _("holiday region"), True, ("regio", "vakantieregio")),
    Column("in_partnership", _("training school"), False, ("opleidingsschool", "partnership")),
)
STUDENT_COLUMNS = (
    Column("student_number", _("student number"), True, ("studentnummer",)),
    Column("first_name", _("first name"), True, ("voornaam", "roepnaam")),
    _PREFIX,
    Column("last_name", _("last name"), True, ("achternaam", "familienaam", "surname")),
    Column("email", _("e-mail address"), True, ("e-mail", "emailadres", "e-mailadres")),
    Column("programme", _("programme"), False, ("opleiding", "program")),
    Column("lio_year", _("LIO year"), False, ("liojaar",)),
)
STAFF_COLUMNS = (
    Column("email", _("e-mail address"), True, ("e-mail", "emailadres", "e-mailadres")),
    Column("first_name", _("first name"), True, ("voornaam", "roepnaam")),
    _PREFIX,
    Column("last_name", _("last name"), True, ("achternaam", "familienaam", "surname")),
    Column("role", _("role"), True, ("rol", "functie")),
    Column(
        "school_number",
        _("school number"),
        True,
        ("brin", "brinnummer", "schoolnummer", "instellingsnummer"),
    ),
    _PHONE,
)


def alias_map(columns: tuple[Column, ...]) -> dict[str, str]:
    """Normalised header name → column name, for the column names and every alias."""
    names: dict[str, str] = {}
    for column in columns:
        for alias in (column.name, *column.aliases):
            names[normalise_header(alias)] = column.name
    return names


def missing_columns(columns: tuple[Column, ...], present: set[str]) -> list[str]:
    return [column.name for column in columns if column.required and column.name not in present]


def labels(columns: tuple[Column, ...]) -> dict[str, str]:
    return {column.name: str(column.label) for column in columns}
