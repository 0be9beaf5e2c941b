"""The load test's targets (issue #12, docs/performance.md), checked and written as Markdown."""

import os
import platform
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from bench.load.stats import Page

P95_MS = 300.0
RATIO = {"student": 0.40, "mentor": 0.40, "dashboard": 0.20}
PDF_MEDIAN_MS = 20.0
RENDER_MEDIAN_MS = 400.0
WORKER_PEAK_MB = 250.0


@dataclass
class Figures:
    students: int
    workers: int
    options: dict[str, Any]
    mix: list[Page] = field(default_factory=list)
    capacity: list[tuple[Page, str | None]] = field(default_factory=list)
    failures: list[tuple[str, str, int]] = field(default_factory=list)
    memory: dict[int, float] = field(default_factory=dict)
    render_ms: float = 0.0


@dataclass(frozen=True)
class Check:
    what: str
    figure: str
    passed: bool


def _ratio(page: Page, bare: Page | None) -> float:
    return page.per_second / bare.per_second if bare and bare.per_second else 0.0


def checks(figures: Figures) -> list[Check]:
    """Every target with the figure it was checked on."""
    errors = sum(count for _name, _error, count in figures.failures)
    server_errors = sum(count for _n, error, count in figures.failures if "status 5" in error)
    found = [
        Check("no errors", f"{errors} errors", errors == 0),
        Check("no 5xx", f"{server_errors} responses 5xx", server_errors == 0),
    ]
    pages = [p for p in figures.mix if not p.name.startswith("login")]
    found += [
        Check(f"p95 < {P95_MS:.0f} ms: {p.name}", f"{p.p95_ms:.0f} ms", p.p95_ms < P95_MS)
        for p in pages
    ]
    bare = next((p for p, _group in figures.capacity if p.name == "bare view"), None)
    found += [
        Check(
            f"≥ {RATIO[group]:.0%} of the bare view: {p.name}",
            f"{_ratio(p, bare):.0%}",
            _ratio(p, bare) >= RATIO[group],
        )
        for p, group in figures.capacity
        if group in RATIO
    ]
    found += [
        Check(
            f"median < {PDF_MEDIAN_MS:.0f} ms: {p.name}",
            f"{p.median_ms:.0f} ms",
            p.median_ms < PDF_MEDIAN_MS,
        )
        for p in pages
        if p.name.startswith("pdf:")
    ]
    found.append(
        Check(
            f"fresh lesson-assessment PDF, median < {RENDER_MEDIAN_MS:.0f} ms",
            f"{figures.render_ms:.0f} ms",
            0 < figures.render_ms < RENDER_MEDIAN_MS,
        )
    )
    peak = max(figures.memory.values(), default=0.0)
    found.append(
        Check(
            f"worker peak memory < {WORKER_PEAK_MB:.0f} MB",
            f"{peak:.0f} MB (of {len(figures.memory)} workers)",
            0 < peak < WORKER_PEAK_MB,
        )
    )
    return found


def machine() -> str:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor() or "unknown",
    )
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}; load average {load}"


def _tables(figures: Figures) -> list[str]:
    bare = next((p for p, _group in figures.capacity if p.name == "bare view"), None)
    lines = [
        "| page (mix) | requests | failures | p50 | p95 | requests/s |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {p.name} | {p.requests} | {p.failures} | {p.median_ms:.0f} ms | {p.p95_ms:.0f} ms "
        f"| {p.per_second:.1f} |"
        for p in sorted(figures.mix, key=lambda p: p.name)
    ]
    lines += [
        "",
        "| page (on its own, no pauses) | requests/s | ratio to the bare view | p50 | p95 |",
        "|---|---:|---:|---:|---:|",
    ]
    lines += [
        f"| {p.name} | {p.per_second:.1f} | {_ratio(p, bare):.0%} | {p.median_ms:.0f} ms "
        f"| {p.p95_ms:.0f} ms |"
        for p, _group in figures.capacity
    ]
    return lines


def render_report(figures: Figures) -> tuple[str, list[Check]]:
    found = checks(figures)
    options = figures.options
    memory = ", ".join(f"{mb:.0f} MB" for mb in figures.memory.values()) or "not read"
    lines = [
        f"Measured on {date.today():%Y-%m-%d}: {machine()}.",
        f"{figures.students:,} students on PostgreSQL; gunicorn with {figures.workers} workers, "
        f"persistent connections (CONN_MAX_AGE=600), DEBUG off. Mix: {options['mix_users']} "
        f"users for {options['mix_seconds']} s, 0.5–1.5 s between requests; throughput: "
        f"{options['capacity_users']} users without pauses for {options['capacity_seconds']} s "
        "per page.",
        "",
        *_tables(figures),
        "",
        f"Workers' peak memory (VmHWM): {memory}. Fresh render of the lesson-assessment PDF, "
        f"in-process, warm: median {figures.render_ms:.0f} ms of {options['render_runs']}.",
        "",
        "| target | figure | |",
        "|---|---:|---|",
        *[f"| {c.what} | {c.figure} | {'pass' if c.passed else '**FAIL**'} |" for c in found],
    ]
    failures = [f"- {name}: {error} ({count}×)" for name, error, count in figures.failures]
    if failures:
        lines += ["", "Failures:", *failures]
    passed = sum(c.passed for c in found)
    lines += ["", f"{passed} of {len(found)} targets met."]
    return "\n".join(lines) + "\n", found
