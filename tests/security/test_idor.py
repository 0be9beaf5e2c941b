"""No insecure direct object references. For every route that takes a record (pages, downloads,
actions; parametrised from the matrix's table, so a new route is swept too):

- a person of the same role in the same institution who has nothing to do with the record (a
  second student, a mentor of another school, another study coach, …) gets 404;
- the same role of another institution gets 404.

Lists show a stranger none of the owner's records, and posting fields a form does not have
(status, signer, dates, placement, student, institution, result) changes none of them.
"""

from datetime import date
from typing import Any

import pytest
from django.db import transaction
from django.test import Client

from internships.models import Placement, Role, StartApplication
from tests.factories import action_dates_follow
from tests.security.access import ACCESS, ALLOWED, LOGIN, Access
from tests.security.conftest import Sessions
from tests.security.forms import own_form_fields
from tests.security.probes import (
    FIGURES,
    HOSTILE_FIELDS,
    Rows,
    assert_headers,
    changed_rows,
    client_for_role,
    other_world,
    same_session,
    snapshot,
)
from tests.security.routes import ANONYMOUS, LINK_HOLDER, ROLES, named_routes, target_of, url_for
from tests.security.worlds import OWNER_SURNAME, SecurityWorld

ROUTES = [name for name in named_routes() if name in ACCESS]
ACCOUNT_ROLES = [role for role in ROLES if role not in (ANONYMOUS, LINK_HOLDER)]
# Records that belong to a programme or the institution, not to one person: any student of the
# programme (or anyone, for the public booking page) may open them.
SHARED = {
    "portfolio:assignment-work": "an assignment of the programme: each student writes their own",
    "portfolio:attachment-upload": "an assignment of the programme: the upload goes to own work",
    "internships:talk-book": "the programme's public booking page",
    "internships:talk-booked": "the programme's public booking page",
    "internships:intervision-detail": "a group session of the programme, run by its coaches",
    "internships:talk-slot-withdraw": "the programme's slots, run by its coaches",
    "internships:talk-booking-cancel": "the programme's slots, run by its coaches",
}
OBJECT_ROUTES = [name for name in ROUTES if target_of(name).pk is not None]


def owners(access: Access) -> list[str]:
    """The roles with an account that open the record (or may act on it)."""
    if access.post is not None:
        return [role for role in ACCOUNT_ROLES if access.post[role] == ALLOWED]
    return [role for role in ACCOUNT_ROLES if access.get[role] in (200, LOGIN)]


def _try(client: Client, name: str, security: SecurityWorld) -> Any:
    """GET the record's page, or POST the hostile fields to an action (and check that nothing
    changed)."""
    url = url_for(name, security)
    with same_session(client):
        if ACCESS[name].post is None:
            response = client.get(url)
        else:
            before = snapshot()
            response = client.post(url, HOSTILE_FIELDS)
            assert not changed_rows(before), f"{name} changed records"
    assert_headers(response)
    FIGURES["IDOR requests"] += 1
    return response


@pytest.mark.parametrize("name", [n for n in OBJECT_ROUTES if n not in SHARED])
def test_the_same_role_who_does_not_own_the_record_gets_404(
    world_clock: Sessions, name: str
) -> None:
    key = target_of(name).world
    security = world_clock.worlds[key]
    wrong = {}
    for role in owners(ACCESS[name]):
        if role == Role.COORDINATOR:
            continue  # a coordinator reads the whole institution: see the next test
        response = _try(world_clock.strangers[key][role], name, security)
        if response.status_code != 404:
            wrong[role] = response.status_code
    assert not wrong, f"{name}: {wrong}"


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_the_same_role_of_another_institution_gets_404(world_clock: Sessions, name: str) -> None:
    access = ACCESS[name]
    if access.get[ANONYMOUS] == 200:
        pytest.skip("a public page")
    key = target_of(name).world
    security = world_clock.worlds[key]
    outsiders = world_clock.owners[other_world(world_clock, key).key]
    wrong = {}
    for role in owners(access):
        response = _try(outsiders[role], name, security)
        if response.status_code != 404:
            wrong[role] = response.status_code
    assert not wrong, f"{name}: {wrong}"


LIST_ROUTES = [
    name
    for name in ROUTES
    if target_of(name).pk is None
    and target_of(name).token is None
    and ACCESS[name].post is None
    and ACCESS[name].get[ANONYMOUS] == LOGIN
    and not name.startswith("accounts:")
    and name != "internships:student-export-xlsx"  # the same rows as the CSV, zipped
    and name != "internships:intervision-new"  # a coach invites any student of the institution
]


@pytest.mark.parametrize("name", LIST_ROUTES)
def test_lists_show_a_stranger_none_of_the_owners_records(world_clock: Sessions, name: str) -> None:
    """A same-role stranger sees neither institution's owner; another institution's people
    (coordinator included) never see this one's."""
    shown = []
    for role in (r for r in ACCOUNT_ROLES if ACCESS[name].get[r] == 200):
        for key, security in world_clock.worlds.items():
            readers = [(world_clock.owners[key][role], other_world(world_clock, key))]
            if role != Role.COORDINATOR:
                readers += [
                    (world_clock.strangers[key][role], w) for w in world_clock.worlds.values()
                ]
            for client, hidden in readers:
                with same_session(client):
                    response = client.get(url_for(name, security))
                FIGURES["IDOR requests"] += 1
                surname = OWNER_SURNAME[hidden.world.institution.country]
                if surname in _text(response):
                    shown.append((role, key, surname))
    assert not shown, f"{name}: {shown}"


def _is_html(response: Any) -> bool:
    return response.headers.get("Content-Type", "").startswith("text/html")


def _text(response: Any) -> str:
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    return response.content.decode()


def _hostile_references(sessions: Sessions, key: str) -> dict[str, int]:
    """Keys of another institution's records: never a legitimate value for this one's."""
    other = other_world(sessions, key)
    person = other.people[Role.STUDENT].pk
    return {
        "student": other.objects["student"].pk,
        "placement": other.objects["placement"].pk,
        "institution": other.world.institution.pk,  # type: ignore[attr-defined]
        "school": other.objects["school"].pk,
        **dict.fromkeys(("signer", "person", "mentor", "assessor", "practice_supervisor"), person),
    }


def _tampered(before: Rows, after: Rows, references: dict[str, int]) -> list[str]:
    """Cells that took one of the hostile values."""
    found = []
    for key in changed_rows(before, after):
        old, new = before.get(key, {}), after.get(key, {})
        for column, value in new.items():
            if value == old.get(column):
                continue
            hostile = str(value).startswith("2031") or value in ("confirmed", "fail")
            hostile |= column.endswith("_id") and references.get(column[:-3]) == value
            if hostile:
                found.append(f"{key[0]}.{column}={value}")
    return found


FORM_ROUTES = [n for n in ROUTES if ACCESS[n].post is None and n not in ("accounts:login",)]


@pytest.mark.parametrize("name", FORM_ROUTES)
def test_posting_fields_a_form_does_not_have_changes_none_of_them(
    world_clock: Sessions, name: str
) -> None:
    key = target_of(name).world
    security = world_clock.worlds[key]
    references = _hostile_references(world_clock, key)
    extra = HOSTILE_FIELDS | {field: str(pk) for field, pk in references.items()}
    tampered = []
    for role in (r for r in ROLES if ACCESS[name].get[r] == 200):
        client, real_token = client_for_role(world_clock, name, role)
        url = url_for(name, security, real_token=real_token)
        with same_session(client):
            page = client.get(url)
            fields = own_form_fields(_text(page), url) if _is_html(page) else None
            if fields is None:
                continue
            with transaction.atomic():
                before = snapshot()
                response = client.post(
                    url, {k: v for k, v in extra.items() if k not in fields} | fields
                )
                FIGURES["forms accepted with extra fields"] += response.status_code == 302
                tampered += _tampered(before, snapshot(), references)
                transaction.set_rollback(True)
        FIGURES["forms posted with extra fields"] += 1
    assert not tampered, f"{name}: {tampered}"


def test_the_tampering_check_notices_a_hostile_value(world_clock: Sessions) -> None:
    """Control: the comparison above does see a status, a date and a foreign key it was sent."""
    security = world_clock.worlds["nl"]
    references = _hostile_references(world_clock, "nl")
    before = snapshot()
    application = StartApplication.objects.get(pk=security.objects["application"].pk)
    application.status = StartApplication.Status.CONFIRMED
    application.save()
    placement = Placement.objects.get(pk=security.objects["placement"].pk)
    placement.start_date, placement.end_date = date(2031, 1, 1), date(2031, 6, 30)
    placement.student_id = references["student"]
    placement.save()
    found = set(_tampered(before, snapshot(), references))
    action_dates_follow(Placement.objects.filter(pk=placement.pk))  # as the services would
    assert {
        "internships.StartApplication.status=confirmed",
        "internships.Placement.start_date=2031-01-01",
        f"internships.Placement.student_id={references['student']}",
    } <= found
