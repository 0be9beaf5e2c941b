"""Project-wide guards: migrations complete, one <h1> per page, translations load."""

import re
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from internships.models import Role
from tests.conftest import World, client_for


@pytest.mark.django_db
def test_no_missing_migrations() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)


def test_the_dutch_catalogue_is_compiled_and_loads() -> None:
    with translation.override("nl"):
        assert translation.gettext("Log in") == "Inloggen"
        assert translation.gettext("Placements") != "Placements"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "url_name"),
    [
        (Role.COORDINATOR, "internships:overview"),
        (Role.COORDINATOR, "internships:placement-list"),
        (Role.COORDINATOR, "internships:student-list"),
        (Role.COORDINATOR, "internships:school-list"),
        (Role.COORDINATOR, "internships:import"),
        (Role.STUDENT, "internships:my-lio"),
        (Role.MENTOR, "internships:my-students"),
    ],
)
def test_every_page_has_exactly_one_h1_and_a_main_landmark(
    world: World, role: str, url_name: str
) -> None:
    page = client_for(world.people[role]).get(reverse(url_name)).content.decode()
    assert len(re.findall(r"<h1[\s>]", page)) == 1
    assert '<main id="main"' in page
    assert 'href="#main"' in page


@pytest.mark.django_db
def test_the_login_page_has_labelled_fields() -> None:
    page = Client().get(reverse("accounts:login")).content.decode()
    for field_id in ("id_username", "id_password"):
        assert f'for="{field_id}"' in page


def _po_entries(language: str) -> list[tuple[str, str, list[str]]]:
    """(msgid, msgstr, flags) of every entry of a catalogue, plural forms joined."""
    path = Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po"
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        flags = [
            f for line in block.splitlines() if line.startswith("#,") for f in line[2:].split(",")
        ]
        fields: dict[str, str] = {}
        key = None
        for line in block.splitlines():
            match = re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line)
            if match:
                key = match.group(1)
                fields[key] = match.group(2)
            elif line.startswith('"') and key:
                fields[key] += line[1:-1]
        if fields.get("msgid"):
            strings = [v for k, v in fields.items() if k.startswith("msgstr")]
            entries.append(
                (fields["msgid"], "" if not all(strings) else "x", [f.strip() for f in flags])
            )
    return entries


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_catalogues_are_complete(language: str) -> None:
    entries = _po_entries(language)
    assert len(entries) > 100
    untranslated = [msgid for msgid, msgstr, _flags in entries if not msgstr]
    fuzzy = [msgid for msgid, _msgstr, flags in entries if "fuzzy" in flags]
    assert untranslated == []
    assert fuzzy == []
