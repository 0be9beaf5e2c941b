"""The load test (`make bench`): gunicorn with 4 workers on PostgreSQL and the 10,000-student
demo, locust headless on 127.0.0.1, the figures checked against the targets.

    DATABASE_URL=postgres://... python bench/load/run.py [--students 10000] [--mix-seconds 60]

`make bench` starts a throwaway PostgreSQL server (scripts/with-postgres) for it. Steps:

1. data: restores the seeded demo from bench/.cache (a pg_dump plus the uploaded files, one per
   number of students, code of the migrations and demo, and day), or seeds it and saves it there;
2. the plan: logins, personal links and stored signed PDFs (`prepare.py plan`);
3. gunicorn (gunicorn.conf.py, WEB_CONCURRENCY workers, CONN_MAX_AGE persistent connections,
   DEBUG off) with the bench's settings, which add the bare view;
4. the mix: students, mentors and coordinators with pauses between requests, at a load the
   machine sustains: p50/p95 per page, errors, the stored PDFs' download times;
5. throughput: each page on its own without pauses, and the bare view the same way, so the
   ratio page/bare says how much of the server's ceiling the page keeps;
6. each worker's peak memory (VmHWM), then a fresh render of the lesson-assessment PDF timed
   in-process once the server is stopped.

It writes bench/results/latest.md (git-ignored: figures of a shared machine mean little; the
lead copies a quiet machine's into docs/performance.md), prints it, and exits with 1 when a
target is missed.
"""

import argparse
import hashlib
import json
import os
import shutil
import signal

# Runs our own tools (pg_dump, gunicorn, locust) with fixed arguments.
import subprocess  # nosec B404
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.load.report import Figures, render_report  # noqa: E402
from bench.load.stats import Page, read_failures, read_stats  # noqa: E402

CACHE = ROOT / "bench" / ".cache"
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
LOCUSTFILE = Path(__file__).resolve().parent / "locustfile.py"
MIX_CLASSES = ["StudentNL", "StudentVL", "MentorByLink", "Coordinator"]
# (page, locust tag, user classes, target group): each measured on its own for throughput.
CAPACITY = [
    ("bare view", "bare", ["BareUser"], None),
    ("student: home", "student-home", ["StudentNL", "StudentVL"], "student"),
    ("student: day log", "student-days", ["StudentNL"], "student"),
    ("student: portfolio", "student-portfolio", ["StudentNL", "StudentVL"], "student"),
    ("mentor: link page", "mentor-page", ["MentorByLink"], "mentor"),
    ("mentor: observation form", "mentor-observation", ["MentorByLink"], "mentor"),
    ("mentor: signing page", "mentor-sign", ["MentorByLink"], "mentor"),
    ("coordinator: dashboard", "dashboard", ["Coordinator"], "dashboard"),
    ("coordinator: student list, filtered", "student-list", ["Coordinator"], None),
    ("coordinator: export (CSV)", "export", ["Coordinator"], None),
]


def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, text=True, cwd=ROOT, **kwargs)  # type: ignore[call-overload]  # noqa: S603  # nosec B603


def pg_bin() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not found:
        raise SystemExit(
            "PostgreSQL's client tools are missing (scripts/with-postgres installs them)."
        )
    return found[-1]


def cache_key(students: int) -> str:
    """Changes with the number of students, the day (the demo is dated) and the code that
    shapes the data: the migrations and the demo seeders."""
    digest = hashlib.sha256(f"{students} {time.strftime('%Y-%m-%d')}".encode())
    patterns = ["*/migrations/*.py", "*/demo*.py", "*/demo_scale/*.py"]
    for path in sorted(p for pattern in patterns for p in ROOT.glob(pattern)):
        digest.update(path.read_bytes())
    return f"{students}-{digest.hexdigest()[:12]}"


def prepare_data(students: int, env: dict[str, str], media: Path) -> None:
    """Restore the cached dump and files, or seed and cache them."""
    cached = CACHE / cache_key(students)
    url, tools = env["DATABASE_URL"], pg_bin()
    shutil.rmtree(media, ignore_errors=True)
    if (cached / "data.dump").exists():
        started = time.perf_counter()
        run([str(tools / "pg_restore"), "--no-owner", "-d", url, str(cached / "data.dump")])
        shutil.copytree(cached / "media", media)
        print(
            f"restored {students:,} students from {cached} in {time.perf_counter() - started:.0f} s"
        )
        return
    run(
        [str(BIN / "python"), "bench/load/prepare.py", "seed", "--students", str(students)], env=env
    )
    for old in CACHE.glob(f"{students}-*"):
        shutil.rmtree(old)
    cached.mkdir(parents=True)
    run([str(tools / "pg_dump"), "-Fc", "-f", str(cached / "data.dump"), url])
    shutil.copytree(media, cached / "media")


def server_env(options: argparse.Namespace, media: Path) -> dict[str, str]:
    return os.environ | {
        "DJANGO_SETTINGS_MODULE": "bench.load.settings",
        "DEBUG": "0",
        "SECRET_KEY": hashlib.sha256(os.urandom(32)).hexdigest(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "SECURE_HSTS_SECONDS": "0",
        "BIND": f"127.0.0.1:{options.port}",
        "WEB_CONCURRENCY": str(options.workers),
        "CONN_MAX_AGE": "600",
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": "dummymail://",
        "TASKS_BACKEND": "immediate",
        "MEDIA_ROOT": str(media),
        "BENCH_STATIC_ROOT": str(CACHE / "static"),
    }


def start_server(env: dict[str, str], port: int) -> subprocess.Popen[bytes]:
    log = (CACHE / "gunicorn.log").open("wb")
    server = subprocess.Popen([str(BIN / "gunicorn")], cwd=ROOT, env=env, stdout=log, stderr=log)  # noqa: S603  # nosec B603
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=15):  # nosec B310
                return server
        except OSError:  # refused, timed out, or 503 while the workers start
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on port {port}; see {CACHE / 'gunicorn.log'}")


def locust(
    name: str,
    classes: list[str],
    tags: list[str],
    users: int,
    seconds: int,
    port: int,
    saturate: bool,
) -> tuple[list[Page], list[tuple[str, str, int]]]:
    prefix = CACHE / "locust" / name
    prefix.parent.mkdir(parents=True, exist_ok=True)
    env = os.environ | {"BENCH_PLAN": str(CACHE / "plan.json")}
    if saturate:
        env["BENCH_SATURATE"] = "1"
    # The user classes before the options: `--tags` takes every word after it.
    command = [
        str(BIN / "locust"),
        "-f",
        str(LOCUSTFILE),
        *classes,
        "--headless",
        "--only-summary",
        "-u",
        str(users),
        "-r",
        str(users),
        "-t",
        f"{seconds}s",
        "--stop-timeout",
        "10",
        "--host",
        f"http://127.0.0.1:{port}",
        "--csv",
        str(prefix),
        "--loglevel",
        "WARNING",
    ]
    if tags:
        command += ["--tags", *tags]
    with (CACHE / "locust" / f"{name}.log").open("w") as log:
        subprocess.run(command, cwd=ROOT, env=env, stdout=log, stderr=log, check=False)  # noqa: S603  # nosec B603
    return read_stats(prefix), read_failures(prefix)


def worker_memory(server: subprocess.Popen[bytes]) -> dict[int, float]:
    """Peak resident memory (VmHWM) of each gunicorn worker, in MB."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    peaks = {}
    for pid in map(int, children):
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peaks[pid] = int(line.split()[1]) / 1024
    return peaks


def measure(options: argparse.Namespace, server: subprocess.Popen[bytes], figures: Figures) -> None:
    print(f"mix: {options.mix_users} users for {options.mix_seconds} s")
    figures.mix, failures = locust(
        "mix", MIX_CLASSES, [], options.mix_users, options.mix_seconds, options.port, False
    )
    figures.failures += failures
    for page, tag_name, classes, group in CAPACITY:
        print(f"throughput: {page}")
        # Users who log in first get the time for it: a page's rate counts from its first request.
        login = 0 if classes in (["BareUser"], ["MentorByLink"]) else options.login_seconds
        pages, failures = locust(
            tag_name,
            classes,
            [tag_name],
            options.capacity_users,
            options.capacity_seconds + login,
            options.port,
            True,
        )
        figures.failures += failures
        figures.capacity += [(p, group) for p in pages if p.name == page]
    figures.memory = worker_memory(server)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=10000)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=8631)
    parser.add_argument("--mix-users", type=int, default=20)
    parser.add_argument("--mix-seconds", type=int, default=60)
    parser.add_argument("--capacity-users", type=int, default=8)
    parser.add_argument("--capacity-seconds", type=int, default=12)
    parser.add_argument("--login-seconds", type=int, default=5, help="added for logging in")
    parser.add_argument("--render-runs", type=int, default=10)
    options = parser.parse_args()
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        raise SystemExit("Run on PostgreSQL: `make bench`, or set DATABASE_URL to a throwaway one.")
    CACHE.mkdir(parents=True, exist_ok=True)
    media = CACHE / "run-media"
    env = server_env(options, media)
    python = str(BIN / "python")
    # DEBUG is off: pages and PDFs need the collected static files and their manifest.
    run([python, "manage.py", "collectstatic", "--no-input", "-v", "0"], env=env)
    prepare_data(options.students, env, media)
    run([python, "bench/load/prepare.py", "plan", "--output", str(CACHE / "plan.json")], env=env)
    figures = Figures(students=options.students, workers=options.workers, options=vars(options))
    server = start_server(env, options.port)
    try:
        measure(options, server, figures)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    timing = run(
        [python, "bench/load/prepare.py", "render", "--runs", str(options.render_runs)],
        env=env,
        capture_output=True,
    )
    figures.render_ms = json.loads(timing.stdout.strip().splitlines()[-1])["median_ms"]
    text, checks = render_report(figures)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(text)
    print(text)
    return 0 if all(check.passed for check in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
