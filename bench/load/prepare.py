"""The load test's data: the demo at scale, then the bench's own logins, links and stored PDFs.

    python bench/load/prepare.py seed --students 10000
    python bench/load/prepare.py plan --output PLAN.json [--accounts 30]
    python bench/load/prepare.py render --runs 10

`seed` migrates, loads the demo (`seed_demo`) and adds the scale students. `plan` gives a few
scale students an account with the demo password, issues personal links through the services
(only their hashes are stored, so the bench keeps the raw tokens), stores the signed PDFs the
downloads ask for, and writes what the locust users need to PLAN.json. Run with the bench's
settings (`bench.load.settings`) and a throwaway database: it changes the data. `render`
times a fresh render of the lesson-assessment PDF in this process, warm, and prints the median
in milliseconds as JSON.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.load.settings")
os.environ.setdefault("EMAIL_URL", "dummymail://")  # the demo's and the links' mails go nowhere

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from accounts.models import User  # noqa: E402
from assessments.models import LessonAssessment  # noqa: E402
from assessments.pdf import lesson_assessment_pdf_store  # noqa: E402
from internships.demo import DEMO_PASSWORD  # noqa: E402
from internships.demo_scale import seed_scale  # noqa: E402
from internships.demo_scale.people import STUDENT_PREFIX  # noqa: E402
from internships.models import Person, Placement, Role, StartApplication, Track  # noqa: E402
from internships.pdf import SIGNED_STATUSES, start_application_pdf_store  # noqa: E402
from internships.services.mentor_links import mentor_link_issue  # noqa: E402
from portfolio.models import EvaluationForm  # noqa: E402
from portfolio.pdf import evaluation_form_pdf_store  # noqa: E402
from signoffs.links import SIGN, link_issue  # noqa: E402
from signoffs.models import SignatureRequest  # noqa: E402

PDFS_PER_INSTITUTION = 5


def seed(students: int) -> None:
    """Migrate, load the demo and add `students` scale students (a fresh database only)."""
    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("seed_demo", force=True, stdout=open(os.devnull, "w"))  # noqa: SIM115
    with transaction.atomic():
        seed_scale(students=students, today=timezone.localdate())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(f"seeded the demo and {students:,} students in {time.perf_counter() - started:.0f} s")


def _active_scale_placements(track: str) -> "list[Placement]":
    return list(
        Placement.objects.filter(
            status=Placement.Status.ACTIVE,
            student__student_number__startswith=STUDENT_PREFIX,
            student__programme__track=track,
        )
        .select_related("student__person", "mentor")
        .order_by("pk")
    )


def student_accounts(placements: "list[Placement]", count: int) -> list[str]:
    """Give `count` students of these placements an account with the demo password."""
    password = make_password(DEMO_PASSWORD)  # hashed once: the same hash for every account
    people = [p.student.person for p in placements if p.student.person.user_id is None][:count]
    users = User.objects.bulk_create(
        [
            User(email=p.email.lower(), first_name=p.first_name, last_name=p.last_name)
            for p in people
        ]
    )
    for person, user in zip(people, users, strict=True):
        user.password = password
        person.user = user
    User.objects.bulk_update(users, ["password"])
    Person.objects.bulk_update(people, ["user"])
    return [user.email for user in users]


def mentor_links(placements: "list[Placement]", count: int) -> list[str]:
    """Personal links of mentors without an account, issued by the service (raw tokens)."""
    chosen = [p for p in placements if p.mentor is not None and p.mentor.user_id is None][:count]
    return [
        urlsplit(mentor_link_issue(placement=p, mentor=p.mentor)).path  # type: ignore[arg-type]
        for p in chosen
    ]


def sign_links(count: int) -> list[str]:
    """Signing links of people asked to sign a submitted start application (raw tokens)."""
    requests = (
        SignatureRequest.objects.filter(
            status=SignatureRequest.Status.PENDING,
            object_id__in=StartApplication.objects.filter(
                status=StartApplication.Status.SUBMITTED,
                placement__student__student_number__startswith=STUDENT_PREFIX,
            ).values("pk"),
            content_type__model="startapplication",
        )
        .select_related("person")
        .order_by("pk")[:count]
    )
    paths = []
    for request in requests:
        token = link_issue(person=request.person, purpose=SIGN, document=request.document)
        paths.append(reverse("signoffs:link", args=[token]))
    return paths


def stored_pdfs(coordinator: Person) -> list[dict[str, str]]:
    """Signed documents of the coordinator's institution with their PDF stored, as at signing."""
    institution = coordinator.institution_id
    downloads = []
    applications = StartApplication.objects.filter(
        status__in=SIGNED_STATUSES, placement__student__institution=institution
    ).select_related("placement__student__person")
    for application in applications.order_by("pk")[:PDFS_PER_INSTITUTION]:
        start_application_pdf_store(application)
        url = reverse("internships:start-application-pdf", args=[application.pk])
        downloads.append({"name": "pdf: start application (stored)", "url": url})
    assessments = LessonAssessment.objects.filter(
        status=LessonAssessment.Status.COMPLETED, placement__student__institution=institution
    ).select_related("placement__student__person")
    for assessment in assessments.order_by("pk")[:PDFS_PER_INSTITUTION]:
        if not assessment.pdf:
            lesson_assessment_pdf_store(assessment)
        url = reverse("assessments:pdf", args=[assessment.pk])
        downloads.append({"name": "pdf: lesson assessment (stored)", "url": url})
    forms = EvaluationForm.objects.filter(
        status=EvaluationForm.Status.SIGNED, product__student__institution=institution
    ).select_related("product__student__person")
    for form in forms.order_by("pk")[:PDFS_PER_INSTITUTION]:
        evaluation_form_pdf_store(form=form)
        url = reverse("portfolio:product-evaluation-pdf", args=[form.product.student_id])
        downloads.append({"name": "pdf: evaluation form (stored)", "url": url})
    return downloads


def plan(output: Path, accounts: int) -> None:
    nl, vl = _active_scale_placements(Track.NL), _active_scale_placements(Track.VL)
    coordinators = Person.objects.filter(
        role_assignments__role=Role.COORDINATOR, user__isnull=False
    ).distinct()
    data = {
        "password": DEMO_PASSWORD,
        "students_nl": student_accounts(nl, accounts),
        "students_vl": student_accounts(vl, accounts),
        "mentor_links": mentor_links(nl + vl, accounts),
        "sign_links": sign_links(accounts),
        "coordinators": [
            {"email": c.user.email, "track": c.institution.programmes.first().track}  # type: ignore[union-attr]
            | {"pdfs": stored_pdfs(c)}
            for c in coordinators.select_related("user", "institution").order_by("pk")
        ],
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(data, indent=2))
    counts = {key: len(value) for key, value in data.items() if isinstance(value, list)}
    print(f"plan written to {output}: {counts}")


def render_timing(runs: int) -> None:
    """The median of `runs` fresh renders (and stores) of a completed assessment's PDF, after
    two to warm up (fonts, templates, stylesheets)."""
    assessment = (
        LessonAssessment.objects.filter(status=LessonAssessment.Status.COMPLETED)
        .select_related("placement__student__person")
        .order_by("pk")
        .first()
    )
    if assessment is None:
        raise SystemExit("No completed lesson assessment in the demo data.")
    times = []
    for run in range(runs + 2):
        started = time.perf_counter()
        lesson_assessment_pdf_store(assessment)
        if run >= 2:
            times.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"runs": runs, "median_ms": round(statistics.median(times), 1)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    seeding = commands.add_parser("seed")
    seeding.add_argument("--students", type=int, default=10000)
    planning = commands.add_parser("plan")
    planning.add_argument("--output", type=Path, required=True)
    planning.add_argument("--accounts", type=int, default=30)
    rendering = commands.add_parser("render")
    rendering.add_argument("--runs", type=int, default=10)
    options = parser.parse_args()
    if options.command == "seed":
        seed(options.students)
    elif options.command == "plan":
        plan(options.output, options.accounts)
    else:
        render_timing(options.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
