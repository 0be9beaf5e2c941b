"""The portal under load: students, mentors, coordinators, PDF downloads and the bare view.

Run by `bench/load/run.py` (`make bench`), which prepares the data and the plan this file reads
(BENCH_PLAN: logins, personal-link paths and the stored PDFs' URLs). Only against 127.0.0.1.
Every task has a tag, so that one page can be run on its own (`--tags dashboard`) to measure
its throughput; without tags the users run the mix below. Anything but a 200 is a failure.
"""

import itertools
import json
import os
import random
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from locust import between, constant, events, tag, task
from locust.contrib.fasthttp import FastHttpUser

ALLOWED_HOSTS = {"127.0.0.1"}
_CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@events.test_start.add_listener
def _only_local(environment: Any, **_kwargs: Any) -> None:
    """Refuse any server but this machine's loopback address."""
    host = urlsplit(environment.host or "").hostname
    if host not in ALLOWED_HOSTS:
        raise SystemExit(f"The load test runs only against 127.0.0.1, not {environment.host!r}.")


def _plan() -> dict[str, Any]:
    path = os.environ.get("BENCH_PLAN", "")
    if not path:
        return {}
    with open(path) as file:
        return json.load(file)


PLAN = _plan()


def _cycle(items: list[Any]) -> Iterator[Any]:
    """Hand the plan's accounts and links to the users in turn (each user keeps one)."""
    return itertools.cycle(items or [None])


_NL_STUDENTS = _cycle(PLAN.get("students_nl", []))
_VL_STUDENTS = _cycle(PLAN.get("students_vl", []))
_MENTOR_LINKS = _cycle(PLAN.get("mentor_links", []))
_SIGN_LINKS = _cycle(PLAN.get("sign_links", []))
_COORDINATORS = _cycle(PLAN.get("coordinators", []))


class PortalUser(FastHttpUser):
    """A visitor of the portal; `page` asks for a URL and wants a 200 back."""

    abstract = True
    # BENCH_SATURATE: no pause between requests, to measure a page's throughput.
    wait_time = constant(0) if os.environ.get("BENCH_SATURATE") else between(0.5, 1.5)

    def page(self, name: str, url: str) -> None:
        with self.client.get(url, name=name, catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")

    def log_in(self, email: str) -> None:
        """Once per locust user, with the demo password (not part of the figures' pages)."""
        form = self.client.get("/accounts/login/", name="login form")
        token = _CSRF.search(form.text or "")
        assert token, "no CSRF token on the login page"
        with self.client.post(
            "/accounts/login/",
            data={
                "username": email,
                "password": PLAN["password"],
                "csrfmiddlewaretoken": token.group(1),
            },
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="login",
            allow_redirects=False,
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"login of {email} refused: status {response.status_code}")


class BareUser(PortalUser):
    """No login, no cookies: a static template through the same middleware (the ceiling).
    Measured on its own (run.py names the classes of the mix)."""

    @tag("bare")
    @task
    def bare(self) -> None:
        self.page("bare view", "/bench/bare/")


class StudentNL(PortalUser):
    """A Dutch pabo student: home, the LIO day log, the profile sketch."""

    weight = 6

    def on_start(self) -> None:
        self.log_in(next(_NL_STUDENTS))

    @tag("student-home")
    @task(3)
    def home(self) -> None:
        self.page("student: home", "/my-lio/")

    @tag("student-days")
    @task(2)
    def day_log(self) -> None:
        self.page("student: day log", "/my-lio/days/")

    @tag("student-portfolio")
    @task(2)
    def portfolio(self) -> None:
        self.page("student: portfolio", "/portfolio/")


class StudentVL(PortalUser):
    """A Flemish student: home and the assignment portfolio."""

    weight = 4

    def on_start(self) -> None:
        self.log_in(next(_VL_STUDENTS))

    @tag("student-home")
    @task(3)
    def home(self) -> None:
        self.page("student: home", "/my-lio/")

    @tag("student-portfolio")
    @task(2)
    def portfolio(self) -> None:
        self.page("student: portfolio", "/portfolio/")


class MentorByLink(PortalUser):
    """A mentor without an account: the personal link's page, the observation form, signing."""

    weight = 3

    def on_start(self) -> None:
        self.mentor_link = next(_MENTOR_LINKS)
        self.sign_link = next(_SIGN_LINKS)

    @tag("mentor-page")
    @task(2)
    def mentor_page(self) -> None:
        self.page("mentor: link page", self.mentor_link)

    @tag("mentor-observation")
    @task(2)
    def observation_form(self) -> None:
        self.page("mentor: observation form", f"{self.mentor_link}observations/new/")

    @tag("mentor-sign")
    @task(1)
    def signing_page(self) -> None:
        self.page("mentor: signing page", self.sign_link)


class Coordinator(PortalUser):
    """The coordinator: the dashboard, a filtered student list, the export and signed PDFs."""

    weight = 2

    def on_start(self) -> None:
        self.account = next(_COORDINATORS)
        self.log_in(self.account["email"])

    @tag("dashboard")
    @task(4)
    def dashboard(self) -> None:
        self.page("coordinator: dashboard", "/overview/")

    @tag("student-list")
    @task(4)
    def student_list(self) -> None:
        self.page("coordinator: student list, filtered", "/students/?state=active&sort=school")

    @tag("export")
    @task(1)
    def export(self) -> None:
        self.page("coordinator: export (CSV)", "/students/export.csv?state=active")

    @tag("pdf")
    @task(3)
    def stored_pdf(self) -> None:
        download = random.choice(self.account["pdfs"])  # noqa: S311  # nosec B311
        self.page(download["name"], download["url"])
