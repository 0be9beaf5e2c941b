"""Benchmark of the coordinator's pages at 1,000 and 10,000 students (docs/performance.md).

Usage (PostgreSQL; `make bench-dashboard` starts a throwaway server):

    DATABASE_URL=postgres://... python bench/dashboard.py [--sizes 1000 10000] [--runs 30]

Migrates the database, loads the demo (`seed_demo`), then for each size adds scale students
(`seed_demo --students`) until the demo institutions hold that many, and measures with the
Django test client, warm, in this process: the number of queries of one request and the
median time of `--runs` requests of each page, the pages asked in turn. It checks the
bounds (the same number of queries at every size; a median under 60 ms) and writes the
figures into docs/performance.md between the markers. Exits with 1 when a bound fails.
"""

import argparse
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lio_portal.settings")
os.environ.setdefault("LOG_LEVEL", "WARNING")  # no access-log line per measured request
os.environ.setdefault("EMAIL_URL", "dummymail://")  # the demo's mails go nowhere

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from internships.demo_scale import seed_scale  # noqa: E402
from internships.demo_scale.people import STUDENT_PREFIX  # noqa: E402
from internships.models import StudentProfile  # noqa: E402

MEDIAN_BOUND_MS = 60.0
DOCUMENT = ROOT / "docs" / "performance.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
PAGES = [
    ("Dashboard, Dutch pabo", "coordinator@pabo-zuidwest.example", "/overview/"),
    ("Dashboard, Flemish college", "coordinator@kempenland.example", "/overview/"),
    ("Student list, first page", "coordinator@pabo-zuidwest.example", "/students/"),
    (
        "Student list, filtered page",
        "coordinator@pabo-zuidwest.example",
        "/students/?state=active&region=NL-midden&sort=school&page=2",
    ),
]


@dataclass
class Figure:
    page: str
    students: int
    queries: int
    median_ms: float
    p90_ms: float


def grow_to(size: int) -> None:
    """Add scale students until the demo institutions hold `size` of them."""
    current = StudentProfile.objects.filter(student_number__startswith=STUDENT_PREFIX).count()
    if size > current:
        started = time.perf_counter()
        with transaction.atomic():
            seed_scale(students=size - current, today=timezone.localdate())
        print(f"seeded {size - current} students in {time.perf_counter() - started:.0f} s")
    if connection.vendor == "postgresql":
        # What autovacuum does on a live database after a bulk load: statistics for the
        # planner, and the dead rows of the seed's updates (the day-log and stage refreshes)
        # cleared, so the figures are those of a database in use, not of one mid-load.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def measure(students: int, runs: int) -> list[Figure]:
    """Every page warm, its queries counted once, then `runs` rounds that ask each page in
    turn: a burst of load on the machine (a shared host) then falls on all pages alike, not on
    the one that happened to be measured."""
    clients = []
    for _label, email, url in PAGES:
        client = Client()
        client.force_login(User.objects.get(email=email))
        for _ in range(3):
            assert client.get(url).status_code == 200, url
        clients.append(client)
    queries = []
    for client, (_label, _email, url) in zip(clients, PAGES, strict=True):
        reset_queries()  # DEBUG keeps the last 9,000 queries only: a full log counts none
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        queries.append(len(captured))
    times: list[list[float]] = [[] for _ in PAGES]
    for _ in range(runs):
        for client, (_label, _email, url), page_times in zip(clients, PAGES, times, strict=True):
            started = time.perf_counter()
            client.get(url)
            page_times.append((time.perf_counter() - started) * 1000)
    figures = []
    for (label, _email, _url), count, page_times in zip(PAGES, queries, times, strict=True):
        page_times.sort()
        figures.append(
            Figure(
                label,
                students,
                count,
                statistics.median(page_times),
                page_times[int(0.9 * len(page_times))],
            )
        )
    return figures


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = f"{connection.vendor} {connection.Database.sqlite_version}"
    return (
        f"{os.cpu_count()} cores (`nproc`), {cpu}; Python {platform.python_version()}, "
        f"Django {django.get_version()}, {database}"
    )


def check(figures: list[Figure]) -> list[str]:
    problems = []
    for label, _email, _url in PAGES:
        rows = [f for f in figures if f.page == label]
        if len({f.queries for f in rows}) > 1:
            problems.append(f"{label}: the number of queries grows with the students")
        problems += [
            f"{label} at {f.students}: median {f.median_ms:.1f} ms ≥ {MEDIAN_BOUND_MS:.0f} ms"
            for f in rows
            if f.median_ms >= MEDIAN_BOUND_MS
        ]
    return problems


def report(figures: list[Figure], runs: int, problems: list[str]) -> str:
    lines = [
        f"Measured on {date.today():%Y-%m-%d}: {machine()}. "
        f"Median and 90th percentile of {runs} warm requests each.",
        "",
        "| page | students | queries | median | p90 |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {f.page} | {f.students:,} | {f.queries} | {f.median_ms:.1f} ms | {f.p90_ms:.1f} ms |"
        for f in figures
    ]
    lines += ["", "Bounds: " + ("all met." if not problems else "; ".join(problems))]
    return "\n".join(lines)


def write(text: str) -> None:
    document = DOCUMENT.read_text()
    before, rest = document.split(START, 1)
    after = rest.split(END, 1)[1]
    DOCUMENT.write_text(f"{before}{START}\n{text}\n{END}{after}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-write", action="store_true", help="do not update the document")
    options = parser.parse_args()
    if connection.vendor != "postgresql":
        print("Warning: the bounds are meant for PostgreSQL (see docs/performance.md).")
    call_command("migrate", verbosity=0)
    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    figures = []
    for size in sorted(options.sizes):
        grow_to(size)
        for figure in measure(size, options.runs):
            figures.append(figure)
            print(
                f"{size:>6} {figure.page:<30} {figure.queries:>3} queries "
                f"median {figure.median_ms:6.1f} ms  p90 {figure.p90_ms:6.1f} ms"
            )
    problems = check(figures)
    text = report(figures, options.runs, problems)
    if not options.no_write:
        write(text)
    print("\n".join(problems) or "All bounds met.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
