"""The role × URL matrix (like pretix's src/tests/control/test_permissions.py): every named route
of the resolver × every role, anonymous and a personal-link holder, against the table in
tests/security/access.py. Every response carries the security headers. A route without an
entry fails `test_every_route_has_an_entry`."""

import pytest

from tests.security.access import ACCESS, ALLOWED
from tests.security.conftest import Sessions
from tests.security.probes import (
    FIGURES,
    HOSTILE_FIELDS,
    assert_headers,
    changed_rows,
    client_for_role,
    other_world,
    same_session,
    snapshot,
)
from tests.security.routes import EXCLUDED_NAMESPACES, ROLES, named_routes, target_of, url_for

ROUTES = named_routes()


def test_every_route_has_an_entry() -> None:
    missing = [name for name in ROUTES if name not in ACCESS]
    assert not missing, f"add these routes to tests/security/access.py: {missing}"
    stale = [name for name in ACCESS if name not in ROUTES]
    assert not stale, f"these routes no longer exist: {stale}"


def test_only_framework_routes_are_left_out() -> None:
    assert set(EXCLUDED_NAMESPACES) == {"admin"}
    assert not any(name.startswith("admin:") for name in ROUTES)


@pytest.mark.parametrize("name", [name for name in ROUTES if name in ACCESS])
def test_get(world_clock: Sessions, name: str) -> None:
    expected = ACCESS[name].get
    security = world_clock.worlds[target_of(name).world]
    wrong = {}
    for role in ROLES:
        client, real_token = client_for_role(world_clock, name, role)
        with same_session(client):
            response = client.get(url_for(name, security, real_token=real_token))
        assert_headers(response)
        FIGURES["matrix GET"] += 1
        if response.status_code != expected[role]:
            wrong[role] = f"{response.status_code}, expected {expected[role]}"
    assert not wrong, f"{name}: {wrong}"


POST_ROUTES = [name for name in ROUTES if name in ACCESS and ACCESS[name].post is not None]


@pytest.mark.parametrize("name", POST_ROUTES)
def test_post_by_a_role_that_may_not_act_changes_nothing(world_clock: Sessions, name: str) -> None:
    expected = ACCESS[name].post
    assert expected is not None
    key = target_of(name).world
    security = world_clock.worlds[key]
    # Another institution, as a browser could name it (the institution switch takes one).
    hostile = HOSTILE_FIELDS | {
        "institution": str(other_world(world_clock, key).world.institution.pk)
    }
    before = snapshot()
    wrong = {}
    for role in ROLES:
        if expected[role] == ALLOWED:
            continue
        client, real_token = client_for_role(world_clock, name, role)
        with same_session(client):
            url = url_for(name, security, real_token=real_token)
            response = client.post(url, hostile)
        assert_headers(response)
        FIGURES["matrix POST"] += 1
        if response.status_code != expected[role]:
            wrong[role] = f"{response.status_code}, expected {expected[role]}"
    assert not wrong, f"{name}: {wrong}"
    assert not changed_rows(before), name


def test_the_matrix_covers_every_route_and_role() -> None:
    FIGURES["matrix routes"] = len(ROUTES)
    FIGURES["matrix roles"] = len(ROLES)
    assert len(ROUTES) >= 140 and len(ROLES) == 12
