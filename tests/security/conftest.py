"""One database set-up per test module: the security worlds are built once inside a transaction
that every test runs in (each test in its own savepoint) and that is rolled back at the end,
like Django's `setUpTestData`. The clock stands at `NOW` for the whole module."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import time_machine
from django.db import transaction
from django.test import Client, override_settings

from internships.models import Person
from tests.security.probes import FIGURES
from tests.security.routes import target_of, url_for
from tests.security.worlds import NOW, SecurityWorld, build_security_worlds

LINK_PAGES = (
    "signoffs:link",
    "internships:mentor-page",
    "portfolio:evaluation-link",
    "internships:talk-cancel",
)


@dataclass
class Sessions:
    """The worlds and a logged-in client for each of their people and strangers."""

    worlds: dict[str, SecurityWorld]
    owners: dict[str, dict[str, Client]]
    strangers: dict[str, dict[str, Client]]
    link_holder: Client


def logged_in(person: Person) -> Client:
    client = Client()
    client.force_login(person.user)  # type: ignore[attr-defined]
    return client


def _link_holder(worlds: dict[str, SecurityWorld]) -> Client:
    """A browser without an account that has opened every personal link of both worlds, so
    whatever those pages leave in its session travels with it."""
    client = Client()
    for security in worlds.values():
        for name in LINK_PAGES:
            target = target_of(name)
            if target.token in security.tokens and target.world in worlds:
                assert client.get(url_for(name, worlds[target.world])).status_code == 200, name
    return client


@pytest.fixture(scope="module")
def sessions(
    django_db_setup: None,
    django_db_blocker: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[Sessions]:
    media = tmp_path_factory.getbasetemp() / "private-files"
    with (
        django_db_blocker.unblock(),  # type: ignore[attr-defined]
        override_settings(
            AXES_ENABLED=False,
            MEDIA_ROOT=media,
            # The function-scoped fixtures of tests/conftest.py come too late for this one.
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        ),
        time_machine.travel(NOW, tick=True),
        transaction.atomic(),
    ):
        worlds = build_security_worlds()
        yield Sessions(
            worlds=worlds,
            owners={
                key: {role: logged_in(p) for role, p in w.people.items()}
                for key, w in worlds.items()
            },
            strangers={
                key: {role: logged_in(p) for role, p in w.strangers.items()}
                for key, w in worlds.items()
            },
            link_holder=_link_holder(worlds),
        )
        transaction.set_rollback(True)


@pytest.fixture
def world_clock(sessions: Sessions, db: None) -> Iterator[Sessions]:
    """The module's worlds, in a test of its own (a savepoint), at the module's moment."""
    with time_machine.travel(NOW, tick=True):
        yield sessions


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The figures docs/security.md quotes: what the matrix and the IDOR sweep tried."""
    if FIGURES:
        figures = ", ".join(f"{name}: {count}" for name, count in sorted(FIGURES.items()))
        terminalreporter.write_line(f"security figures: {figures}")
