"""Locust's CSV output, read back: one row per page, and the failures."""

import csv
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Page:
    name: str
    requests: int
    failures: int
    median_ms: float
    p95_ms: float
    per_second: float


def read_stats(prefix: Path) -> list[Page]:
    """The pages of one locust run (`--csv PREFIX`), without the aggregate row."""
    path = Path(f"{prefix}_stats.csv")
    if not path.exists():
        return []
    with path.open(newline="") as file:
        return [
            Page(
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                median_ms=float(row["50%"] if row["50%"] != "N/A" else 0),
                p95_ms=float(row["95%"] if row["95%"] != "N/A" else 0),
                per_second=float(row["Requests/s"]),
            )
            for row in csv.DictReader(file)
            if row["Name"] != "Aggregated"
        ]


def read_failures(prefix: Path) -> list[tuple[str, str, int]]:
    """(page, error, occurrences) of one locust run; a missing run counts as a failure."""
    path = Path(f"{prefix}_failures.csv")
    if not path.exists():
        return [(str(prefix.name), "locust wrote no results (see its log)", 1)]
    with path.open(newline="") as file:
        return [
            (row["Name"], row["Error"], int(row["Occurrences"])) for row in csv.DictReader(file)
        ]
