"""Helpers for the browser journeys: log in, check accessibility, fit a phone, take screenshots.

A journey clicks through the real pages as the user would and calls `assert_accessible(page)`
on every page it reaches; the `page` fixture fails the test if a visited page was never checked.
"""

import os
import re
from pathlib import Path
from weakref import WeakKeyDictionary

from django.core import mail
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from internships.demo import DEMO_PASSWORD

ROOT = Path(__file__).resolve().parents[2]
AXE_SOURCE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# axe-core is served to the page from this same-origin path by a route of the browser context,
# so a strict Content-Security-Policy (script-src 'self') does not block it.
AXE_URL_PATH = "/__axe-core__/axe.min.js"
RESULTS_DIR = ROOT / "test-results" / "screenshots"
DOCS_DIR = ROOT / "docs" / "screenshots"
BLOCKING_IMPACTS = frozenset({"serious", "critical"})
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

_checked: WeakKeyDictionary[Page, set[str]] = WeakKeyDictionary()

_AXE_RUN = """async () => {
  const results = await axe.run(document, {resultTypes: ["violations"]});
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help,
    targets: v.nodes.map((node) => node.target.join(" ")),
  }));
}"""
_SCROLLING_BOXES = """() => [...document.querySelectorAll("body *")]
  .filter((el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX))
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => [el.tagName.toLowerCase(), ...el.classList].join("."))
"""
_FITS = f"""(width) => document.documentElement.scrollWidth <= width
  && ({_SCROLLING_BOXES})().length === 0"""
# The outermost elements that reach past the screen's right edge, to say what makes it wide.
_WIDEST = """(width) => [...document.querySelectorAll("body *")]
  .filter((el) => el.getBoundingClientRect().right > width + 1)
  .filter((el) => !el.parentElement.closest("body *")
    || el.parentElement.getBoundingClientRect().right <= width + 1)
  .slice(0, 5)
  .map((el) => [el.tagName.toLowerCase(), ...el.classList].join(".")
    + ` (${Math.round(el.getBoundingClientRect().right)}px)`)
"""


class Logins:
    """Demo accounts made by `internships.demo.seed_demo()`; all use `DEMO_PASSWORD`."""

    COORDINATOR_NL = "coordinator@pabo-zuidwest.example"
    COORDINATOR_VL = "coordinator@kempenland.example"
    STUDENT_NL = "emma.deboer@student.pabo-zuidwest.example"
    STUDENT_VL = "lotte.vermeersch@student.kempenland.example"
    MENTOR_NL = "i.smit@deregenboog.example"
    MENTOR_VL = "e.maes@dehorizon.example"
    STUDY_COACH_NL = "j.bakker@pabo-zuidwest.example"


def page_key(url: str) -> str:
    """A visited page is the URL without its fragment (a jump to #main is the same page)."""
    return url.split("#", 1)[0]


def checked_pages(page: Page) -> set[str]:
    return _checked.setdefault(page, set())


def assert_accessible(page: Page) -> None:
    """No axe-core violation of impact serious or critical on the page as it is now."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(url=AXE_URL_PATH)
    violations = page.evaluate(_AXE_RUN)
    checked_pages(page).add(page_key(page.url))
    blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
    report = "\n".join(
        f"- {v['id']} ({v['impact']}): {v['help']} at {', '.join(v['targets'][:5])}"
        for v in blocking
    )
    assert not blocking, f"axe-core violations on {page.url}:\n{report}"


def assert_fits_phone(page: Page, timeout_ms: float = 5000) -> None:
    """The page needs no horizontal scrolling at the width of its viewport, neither of the
    page itself nor of a box inside it (such as a wide table in `.table-responsive`).

    Retried until `timeout_ms`, like Playwright's own assertions: right after a navigation or
    a click the layout can still be settling (the stylesheet of the new page, the menu that
    opens), and only the layout the user ends up with counts."""
    width = page.viewport_size["width"] if page.viewport_size else PHONE["width"]
    try:
        page.wait_for_function(_FITS, arg=width, timeout=timeout_ms)
    except PlaywrightTimeoutError:
        scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
        assert scroll_width <= width, (
            f"{page.url} is {scroll_width}px wide on a {width}px screen; widest: "
            f"{page.evaluate(_WIDEST, width)}"
        )
        scrolling = page.evaluate(_SCROLLING_BOXES)
        raise AssertionError(
            f"{page.url} scrolls sideways on a {width}px screen in: {scrolling}"
        ) from None


def screenshot(page: Page, name: str, *, docs: bool = False) -> Path:
    """Save `test-results/screenshots/<name>.png`; with UPDATE_SCREENSHOTS=1 a `docs` shot
    also replaces `docs/screenshots/<name>.png`, the picture shown in the README."""
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{name}.png"
    page.screenshot(path=path, animations="disabled", caret="hide")
    if docs and os.environ.get("UPDATE_SCREENSHOTS") == "1":
        DOCS_DIR.mkdir(parents=True, exist_ok=True)
        (DOCS_DIR / f"{name}.png").write_bytes(path.read_bytes())
    return path


def log_in(page: Page, email: str, password: str = DEMO_PASSWORD) -> None:
    """Log in through the login form, in whatever language the page is in."""
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(password)
    page.locator("main form button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def switch_language(page: Page, language: str) -> None:
    """Press the language button in the navigation bar (`nl` or `en`)."""
    page.locator(f"form.language-switch button[value={language}]").click()
    expect(page.locator("html")).to_have_attribute("lang", language)


def tab_to(page: Page, target: Locator, *, max_presses: int = 20) -> None:
    """Press Tab until `target` has the keyboard focus, as a keyboard-only user would."""
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        if target.evaluate("element => element === document.activeElement"):
            return
    raise AssertionError(f"{target} not reached with {max_presses} presses of Tab")


def download(page: Page, link: Locator) -> tuple[str, bytes]:
    """Click a download link as the user would; the file's suggested name and its content."""
    with page.expect_download() as info:
        link.click()
    file = info.value
    return file.suggested_filename, Path(file.path()).read_bytes()


def link_in_mail(to: str) -> str:
    """The first link in the newest mail sent to `to` (the live server shares the outbox)."""
    for message in reversed(mail.outbox):
        if to in message.to:
            match = re.search(r"https?://\S+", message.body)
            assert match, f"the mail to {to} has no link"
            return match.group(0)
    raise AssertionError(f"no mail was sent to {to}")


def sign_from_mail(page: Page, to: str, *, phone_shot: str = "") -> None:
    """Sign a form from the personal link in the newest mail to `to`, in Dutch (the signers'
    language), as school staff without an account do; `phone_shot` names the screenshot of
    the page on a phone, which must then fit it."""
    page.goto(link_in_mail(to))
    assert_accessible(page)
    if phone_shot:
        assert_fits_phone(page)
        screenshot(page, phone_shot)
    page.get_by_label(re.compile("Ik heb het formulier hierboven gelezen")).check()
    page.get_by_role("button", name="Ondertekenen", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank je wel")
    assert_accessible(page)
