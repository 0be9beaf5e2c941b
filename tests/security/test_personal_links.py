"""Personal links are single-purpose, expiring and revocable: a link of one kind opens no route
of another kind, and an expired or withdrawn link opens nothing. (Each kind's own tests cover
its happy path: tests/internships/test_mentor_link.py, test_start_application.py,
test_talks.py, test_calendar_feed.py and tests/portfolio/test_product_evaluation.py.)"""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.test import Client

from internships.services.calendar_feed import calendar_feed_revoke
from signoffs.links import links_revoke
from signoffs.models import PersonalLink
from tests.security.access import ACCESS, LINK_POST
from tests.security.conftest import Sessions
from tests.security.probes import FIGURES, assert_headers
from tests.security.routes import named_routes, target_of, url_for
from tests.security.worlds import NOW, SecurityWorld

LINK_ROUTES = [
    name
    for name in named_routes()
    if target_of(name).token not in (None, "password")  # the password reset has its own tests
]
KINDS = ("sign", "mentor", "evaluation", "talk_cancel", "feed")
# The evaluation form's link is a signing link for that same form: the generic signing page
# shows the form it was sent for, and nothing else.
SAME_DOCUMENT = {("evaluation", "signoffs:link")}


def _open(name: str, security: SecurityWorld, token: str) -> int:
    url = url_for(name, security).replace(security.tokens[target_of(name).token], token)
    client = Client()
    response = client.post(url) if ACCESS[name] == LINK_POST else client.get(url)
    assert_headers(response)
    FIGURES["personal-link requests"] += 1
    return response.status_code


@pytest.mark.parametrize("name", LINK_ROUTES)
def test_a_link_of_another_kind_or_for_another_record_opens_nothing(
    world_clock: Sessions, name: str
) -> None:
    own = target_of(name).token
    security = world_clock.worlds[target_of(name).world]
    opened = []
    for key, holder in world_clock.worlds.items():
        for kind, token in holder.tokens.items():
            # A URL with nothing but the token opens its holder's own page, whoever it is.
            own_page = kind == own and (key == target_of(name).world or not target_of(name).pk)
            if own_page or (kind, name) in SAME_DOCUMENT:
                continue
            status = _open(name, security, token)
            if status != 404:
                opened.append((key, kind, status))
    assert not opened, f"{name}: {opened}"


def _link(token: str) -> PersonalLink:
    return PersonalLink.objects.get(token_hash=hashlib.sha256(token.encode()).hexdigest())


def _routes_of(kind: str) -> list[str]:
    return [name for name in LINK_ROUTES if target_of(name).token == kind]


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "feed"])
def test_an_expired_link_opens_nothing(world_clock: Sessions, kind: str) -> None:
    routes = _routes_of(kind)
    security = world_clock.worlds[target_of(routes[0]).world]
    token = security.tokens[kind]
    with time_machine.travel(_link(token).expires_at + timedelta(seconds=1)):
        refused = {name: _open(name, security, token) for name in routes}
    assert set(refused.values()) == {404}, refused


@pytest.mark.parametrize("kind", KINDS)
def test_a_withdrawn_link_opens_nothing(world_clock: Sessions, kind: str) -> None:
    routes = _routes_of(kind)
    security = world_clock.worlds[target_of(routes[0]).world]
    token = security.tokens[kind]
    if kind == "feed":
        calendar_feed_revoke(student=security.objects["student"])  # type: ignore[arg-type]
    else:
        link = _link(token)
        assert links_revoke(document=link.document, person=link.person, purpose=link.purpose)
    refused = {name: _open(name, security, token) for name in routes}
    assert set(refused.values()) == {404}, refused


def test_the_links_open_their_own_routes_until_then(world_clock: Sessions) -> None:
    """Control for the tests above: every link works on its own routes at `NOW`."""
    assert NOW.year == 2026
    for name in LINK_ROUTES:
        security = world_clock.worlds[target_of(name).world]
        expected = 405 if ACCESS[name] == LINK_POST else 200
        assert _open(name, security, security.tokens[target_of(name).token]) in (expected, 302)
