"""The browser harness: Debian's headless Chromium driven by Playwright against `live_server`.

Fixtures: `browser` (one per session), `open_page` (a new page in its own context: Dutch, desktop
size unless asked), `page` and `phone_page` (shortcuts), `demo` (the demo data in the test
database). Every page a test opens must be checked with `assert_accessible` and may raise no
JavaScript error; a failing test leaves a screenshot in test-results/failures/.
"""

import os
import shutil
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from internships.demo import seed_demo

from .support import (
    AXE_SOURCE,
    AXE_URL_PATH,
    DESKTOP,
    PHONE,
    ROOT,
    checked_pages,
    page_key,
)

# Playwright's sync API keeps an event loop in the main thread, where the tests also use the ORM.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

OpenPage = Callable[..., Page]


class _Opened(NamedTuple):
    page: Page
    visited: set[str]
    errors: list[str]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Any:
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's chromium package; Playwright's own browser download is never used."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium is missing: `make test-browser` installs Debian's chromium package.")
    if not AXE_SOURCE.exists():
        pytest.fail("axe-core is missing from node_modules: run `make setup`.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def demo(live_server: Any) -> None:
    """The demo data of `seed_demo` (both institutions, every role) in the test database."""
    seed_demo()


@pytest.fixture
def open_page(
    browser: Browser, live_server: Any, settings: Any, request: pytest.FixtureRequest
) -> Iterator[OpenPage]:
    """Open pages in fresh browser contexts (one per person in a journey); checked at the end."""
    settings.SITE_URL = live_server.url  # links in mails lead to the live server
    axe_source = AXE_SOURCE.read_text(encoding="utf-8")
    opened: list[_Opened] = []

    def open_(**context_args: Any) -> Page:
        defaults = {"viewport": DESKTOP, "locale": "nl-NL", "timezone_id": "Europe/Amsterdam"}
        context = browser.new_context(base_url=live_server.url, **(defaults | context_args))
        context.set_default_timeout(10_000)
        context.route(
            f"**{AXE_URL_PATH}",
            lambda route: route.fulfill(body=axe_source, content_type="text/javascript"),
        )
        page = context.new_page()
        visited: set[str] = set()
        errors: list[str] = []
        page.on("framenavigated", lambda frame: _record(page, frame, visited))
        page.on("pageerror", lambda error: errors.append(str(error)))
        opened.append(_Opened(page, visited, errors))
        return page

    yield open_
    failed = _failed(request.node)
    for number, each in enumerate(opened):
        if failed:
            _save_failure(each.page, f"{request.node.name}-{number}")
        each.page.context.close()
    if not failed:
        _assert_clean(opened)


@pytest.fixture
def page(open_page: OpenPage) -> Page:
    """A desktop-sized page, Dutch as the portal is unless the user chooses."""
    return open_page()


@pytest.fixture
def phone_page(open_page: OpenPage) -> Page:
    """A phone-sized page (390 × 844), as a mentor uses the portal in the classroom."""
    return open_page(viewport=PHONE, is_mobile=True, has_touch=True)


def _record(page: Page, frame: Any, visited: set[str]) -> None:
    if frame is page.main_frame and frame.url.startswith("http"):
        visited.add(page_key(frame.url))


def _failed(node: pytest.Item) -> bool:
    report = getattr(node, "report_call", None)
    return report is None or report.failed


def _save_failure(page: Page, name: str) -> None:
    folder = ROOT / "test-results" / "failures"
    folder.mkdir(parents=True, exist_ok=True)
    try:
        page.screenshot(path=folder / f"{name}.png", full_page=True)
    except Exception as exc:  # a screenshot must not hide the real failure
        print(f"no failure screenshot of {name}: {exc}")


def _assert_clean(opened: list[_Opened]) -> None:
    """Every page visited was checked with axe-core and raised no JavaScript error."""
    for each in opened:
        unchecked = sorted(each.visited - checked_pages(each.page))
        assert not unchecked, f"pages visited without assert_accessible: {unchecked}"
        assert not each.errors, f"JavaScript errors: {each.errors}"
