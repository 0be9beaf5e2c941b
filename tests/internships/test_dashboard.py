"""The coordinator's dashboard: the pipeline matches the records, chart with a text
equivalent, what needs action, load; mentors see the same list for their students only."""

import re
from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import LessonAssessment
from internships.actions import ActionScope, collect_actions
from internships.models import (
    Institution,
    Person,
    Role,
    SchoolYear,
    StartApplication,
    StudentProfile,
)
from internships.pipeline import _ASSESSED_SOURCES as ASSESSED_SOURCES
from internships.pipeline import PipelineStage, register_assessed_placements
from internships.selectors_dashboard import coordinator_dashboard
from tests.conftest import World, client_for
from tests.factories import StudentProfileFactory, stage_follows

from .support_dashboard import application_for, days_ago, placement_in_stage, request_signature

pytestmark = pytest.mark.django_db
STAGES = ["application", "signing", "signing", "confirmed", "active", "active", "completed"]


def _stage_counts(world: World) -> dict[str, int]:
    dashboard = coordinator_dashboard(
        institution=world.institution,  # type: ignore[arg-type]
        school_year=world.school_year,  # type: ignore[arg-type]
        today=timezone.localdate(),
    )
    return {s.stage.value: s.count for s in dashboard.stages}


def test_the_pipeline_counts_students_per_stage(world: World) -> None:
    """The world's own placement has no application yet: "application in draft"."""
    for stage in STAGES:
        placement_in_stage(world, stage)
    StudentProfileFactory(institution=world.institution)  # no placement this year
    counts = _stage_counts(world)
    assert counts == {
        "none": 1,
        "application": 2,
        "signing": 2,
        "confirmed": 1,
        "active": 2,
        "completed": 1,
        "assessed": 0,
    }


def test_a_cancelled_placement_leaves_the_student_without_one(world: World) -> None:
    world.placement.status = "cancelled"
    world.placement.save()
    stage_follows(world.placement)
    assert _stage_counts(world)["none"] == 1


def test_the_assessments_app_can_mark_placements_assessed(world: World) -> None:
    completed = placement_in_stage(world, "completed")
    source = completed.__class__.objects.filter(pk=completed.pk).values("pk")
    registered = list(ASSESSED_SOURCES)
    register_assessed_placements(lambda: source)
    try:
        stage_follows(completed)
        counts = _stage_counts(world)
    finally:
        ASSESSED_SOURCES[:] = registered
        stage_follows(completed)
    assert (counts["assessed"], counts["completed"]) == (1, 0)


def test_the_page_shows_the_numbers_as_links_chart_and_table(world: World) -> None:
    placement_in_stage(world, "active")
    page = client_for(world.people[Role.COORDINATOR]).get(reverse("internships:overview"))
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'href="/students/\?year=\d+&amp;state=active"', html)
    assert '<svg class="bar-chart"' in html and 'role="img"' in html
    assert re.search(r"<title id=\"pipeline-chart-title\">", html)
    desc = re.search(r'<desc id="pipeline-chart-desc">(.*?)</desc>', html).group(1)
    assert "1" in desc and str(PipelineStage.ACTIVE.label) in desc
    assert "<details>" in html and '<th scope="row">' in html
    assert "style=" not in html and "<script>" not in html


def test_what_needs_action_is_listed_oldest_first(world: World) -> None:
    application = application_for(world.placement, StartApplication.Status.SUBMITTED)
    request_signature(application, Role.MENTOR, world.people[Role.MENTOR], days_ago(12))
    page = client_for(world.people[Role.COORDINATOR]).get(reverse("internships:overview"))
    html = page.content.decode()
    assert world.people[Role.MENTOR].full_name in html
    assert "?year=" in html and "needs=late_signatures" in html


def test_a_mentor_sees_the_action_list_of_their_students_only(
    world: World, other_world: World
) -> None:
    application = application_for(world.placement, StartApplication.Status.SUBMITTED)
    request_signature(application, Role.MENTOR, world.people[Role.MENTOR], days_ago(12))
    other = placement_in_stage(world, "signing", mentor=world.people[Role.DIRECTOR])
    request_signature(
        other.start_application, Role.MENTOR, world.people[Role.DIRECTOR], days_ago(12)
    )
    html = client_for(world.people[Role.MENTOR]).get(reverse("internships:my-students"))
    html = html.content.decode()
    assert world.placement.student.person.full_name in html
    assert other.student.person.full_name not in html


def test_another_institution_sees_none_of_it(world: World, other_world: World) -> None:
    placement_in_stage(world, "active")
    html = client_for(other_world.people[Role.COORDINATOR]).get(reverse("internships:overview"))
    assert world.placement.student.person.full_name not in html.content.decode()
    assert world.school.name not in html.content.decode()


@pytest.mark.parametrize(
    "role",
    [r for r in Role.values if r not in (Role.COORDINATOR,)],
)
def test_only_the_coordinator_opens_the_dashboard(world: World, role: str) -> None:
    assert client_for(world.people[role]).get(reverse("internships:overview")).status_code == 403


def _expected_stages(year: object) -> Counter[str]:
    """The stage of each placement of the year, straight from the records (no SQL CASE)."""
    assessed = set(
        LessonAssessment.objects.filter(status=LessonAssessment.Status.COMPLETED).values_list(
            "placement", flat=True
        )
    )
    stages: Counter[str] = Counter()
    for placement in year.placements.exclude(status="cancelled"):  # type: ignore[attr-defined]
        application = StartApplication.objects.filter(placement=placement).first()
        status = application.status if application else None
        if placement.pk in assessed:
            stages["assessed"] += 1
        elif placement.status in ("active", "completed"):
            stages[placement.status] += 1
        elif status == StartApplication.Status.CONFIRMED:
            stages["confirmed"] += 1
        elif status in (StartApplication.Status.SUBMITTED, StartApplication.Status.SIGNED):
            stages["signing"] += 1
        else:
            stages["application"] += 1
    return stages


def test_each_demo_dashboard_matches_the_records(settings: object) -> None:
    """The acceptance check: both demo institutions, every stage straight from the records,
    the demo's passed assessment among them."""
    settings.DEBUG = True  # type: ignore[attr-defined]
    call_command("seed_demo", stdout=StringIO())
    assert LessonAssessment.objects.filter(status="completed", result="pass").exists()
    for institution in Institution.objects.all():
        coordinator = Person.objects.get(
            institution=institution, role_assignments__role=Role.COORDINATOR
        )
        client = Client()
        client.force_login(coordinator.user)
        html = client.get(reverse("internships:overview")).content.decode()
        year = institution.school_years.get()
        expected = _expected_stages(year)
        for stage in PipelineStage:
            if stage == PipelineStage.NO_PLACEMENT:
                continue
            count, label = expected[stage.value], str(stage.label)
            assert re.search(rf">{count}</p>\s*<p[^>]*>{label}<", html), (institution, stage)
        students = StudentProfile.objects.filter(institution=institution).count()
        assert f">{students} " in html
    assert sum(_expected_stages(y)["assessed"] for y in SchoolYear.objects.all()) >= 1


def test_the_demo_needs_action_counts_match_the_providers_lists(settings: object) -> None:
    """Each kind's count on the dashboard is the number of items its provider lists."""
    call_command("seed_demo", "--force", stdout=StringIO())
    today = timezone.localdate()
    for institution in Institution.objects.all():
        year = institution.school_years.get()
        dashboard = coordinator_dashboard(institution=institution, school_year=year, today=today)
        every = collect_actions(ActionScope(institution=institution, today=today, school_year=year))
        listed = Counter(item.kind for item in every.items)
        assert {p.key: n for p, n in dashboard.actions.counts if n} == dict(listed)
