"""An NL student with an active LIO (Mon-Tue-Wed, 2 November – 16 December 2026) on
Monday 9 November 2026; no professional product yet, so the assigned assessor assesses."""

import re
from collections.abc import Callable, Iterator
from datetime import date, datetime, time
from typing import Any

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from assessments.models import AssessorAssignment, LessonAssessment
from assessments.services import (
    AssessmentFormData,
    VisitData,
    lesson_assessment_form_save,
    lesson_assessment_schedule,
    lesson_assessment_submit,
)
from internships.models import Person, Placement, Role
from portfolio.models import ProfessionalProduct
from portfolio.models.product import ProductStatus
from tests.conftest import World
from tests.factories import stage_follows

TODAY = date(2026, 11, 9)
VISIT_DAY = date(2026, 11, 17)  # a Tuesday, one of the student's LIO days

Capture = Callable[..., Any]


def travel(day: date, hour: int = 9) -> Any:
    moment = timezone.make_aware(datetime(day.year, day.month, day.day, hour))
    return time_machine.travel(moment, tick=False)


@pytest.fixture(autouse=True)
def _english(settings: Any) -> None:
    """Messages and pages in English, so the assertions read the source strings."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture
def lio(world: World) -> Iterator[World]:
    """The world's student on an active LIO; the coordinator assigned the assessor."""
    placement = world.placement
    placement.status = Placement.Status.ACTIVE
    placement.start_date = date(2026, 11, 2)
    placement.end_date = date(2026, 12, 16)
    placement.weekdays = [0, 1, 2]
    placement.save()
    stage_follows(placement)
    AssessorAssignment.objects.create(
        student=placement.student, assessor=world.people[Role.ASSESSOR]
    )
    with travel(TODAY):
        yield world


def product_started(world: World) -> ProfessionalProduct:
    """The student's professional product has started with the graduation supervisor."""
    return ProfessionalProduct.objects.create(
        student=world.placement.student,
        status=ProductStatus.PHASE_1,
        graduation_supervisor=world.people[Role.GRADUATION_SUPERVISOR],
        approved_on=date(2026, 10, 1),
    )


def visit(**changes: Any) -> VisitData:
    values = {
        "date": VISIT_DAY,
        "start_time": time(9, 0),
        "end_time": time(10, 0),
        "class_name": "groep 7",
    }
    values.update(changes)
    return VisitData(**values)


def schedule(world: World, **changes: Any) -> LessonAssessment:
    return lesson_assessment_schedule(
        placement=world.placement, data=visit(**changes), actor=world.people[Role.COORDINATOR]
    )


def complete_form(**changes: Any) -> AssessmentFormData:
    values: dict[str, Any] = {}
    for key in ("self_designed", "interactive", "work_forms", "differentiation", "sequence"):
        values[f"{key}_met"] = True
        values[f"{key}_note"] = f"Gezien bij {key}."
    values.update(
        mentor_absent=True,
        assessors_talk_notes="De assessoren bespraken de les.",
        mentor_joined_talk=False,
        student_talk_notes="De student lichtte de keuzes toe.",
        result=LessonAssessment.Result.PASS,
        result_motivation="Alle eisen zichtbaar.",
    )
    values.update(changes)
    return AssessmentFormData(**values)


def filled_in(world: World, **changes: Any) -> LessonAssessment:
    """Scheduled, the lesson given, the form complete and sent to the signatures."""
    assessment = schedule(world)
    assessor: Person = world.people[Role.ASSESSOR]
    with travel(VISIT_DAY, 11):
        assessment = lesson_assessment_form_save(
            assessment=assessment, data=complete_form(**changes), actor=assessor
        )
        return lesson_assessment_submit(assessment=assessment, actor=assessor)


def sign_links() -> dict[str, str]:
    """E-mail address → the personal signing link path in the latest mail to it."""
    links = {}
    for message in mail.outbox:
        found = re.search(r"https?://[^/\s]+(/sign/[^/\s]+/)", message.body)
        if found:
            links[message.to[0]] = found.group(1)
    return links


def sign_by_link(path: str, capture: Capture) -> Any:
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    content_hash = re.search(r'name="content_hash" value="([0-9a-f]{64})"', page.content.decode())
    assert content_hash is not None
    with capture(execute=True):
        return client.post(
            path, {"action": "sign", "content_hash": content_hash.group(1), "confirm": "on"}
        )


def sign_logged_in(client: Client, assessment: LessonAssessment, capture: Capture) -> Any:
    page = client.get(reverse("assessments:detail", args=[assessment.pk])).content.decode()
    action = re.search(r'action="(/signature-requests/\d+/act/)"', page)
    content_hash = re.search(r'name="content_hash" value="([0-9a-f]{64})"', page)
    assert action is not None and content_hash is not None
    with capture(execute=True):
        return client.post(
            action.group(1),
            {"action": "sign", "content_hash": content_hash.group(1), "confirm": "on"},
        )
