"""The LIO assessment lesson in the "needs action" list and in the pipeline (track NL).

See `internships.actions` for the contract of a provider and `internships.pipeline` for the
stage "assessed". Rules (DOMAIN.md, "LIO assessment lesson"): the LIO ends with the
assessment lesson, assessed and signed by the assessor and the co-assessor. So:

- a LIO in its last weeks (the planned end within ASSESSMENT_DUE_DAYS) without a scheduled
  visit needs the coordinator to schedule it (a student's proposal is not scheduled yet);
- a scheduled visit whose date has passed without both signatures needs the assessors;
- a placement is assessed once its assessment is completed: signed by both assessors, with
  a result (pass or fail).
"""

from datetime import date, timedelta
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from internships.actions import (
    ActionItem,
    ActionScope,
    register_action_query,
    register_staff_students,
)
from internships.membership import Membership
from internships.models import Placement, Role, StudentProfile, Track
from internships.pipeline import register_assessed_placements

from .models import LessonAssessment
from .selectors import VIEWER_ROLES, lesson_assessments_visible_to

# "The last weeks" of a LIO: the visit should be on the calendar two weeks before the end.
ASSESSMENT_DUE_DAYS = 14
_UNSIGNED = (
    LessonAssessment.Status.SCHEDULED,
    LessonAssessment.Status.ASSESSING,
    LessonAssessment.Status.SIGNING,
)
_TO_SCHEDULE = _("LIO assessment lesson to schedule (the LIO ends on %(end)s)")
_UNSIGNED_TEXT = _("LIO assessment lesson of %(date)s not signed by both assessors")


class _ShownDate:
    """A date in the words of the language the text is shown in."""

    def __init__(self, day: date) -> None:
        self.day = day

    def __str__(self) -> str:
        return date_format(self.day, "j F Y")


def assessed_placements() -> QuerySet[Any]:
    """Placements whose assessment lesson is signed by both assessors, with its result."""
    return LessonAssessment.objects.filter(
        status=LessonAssessment.Status.COMPLETED,
        result__in=[LessonAssessment.Result.PASS, LessonAssessment.Result.FAIL],
    ).values("placement")


def to_schedule_rows(scope: ActionScope) -> QuerySet[Any]:
    """Active track-NL LIOs ending within ASSESSMENT_DUE_DAYS without a scheduled visit.
    `action_since` is the planned end: the order is the same as of the day it became due."""
    scheduled = LessonAssessment.objects.filter(
        placement=OuterRef("pk"), status__in=LessonAssessment.SCHEDULED_STATUSES
    )
    return (
        scope.limit(
            Placement.objects.filter(
                scope.in_track(Track.NL, "student"),
                status=Placement.Status.ACTIVE,
                end_date__lte=scope.today + timedelta(days=ASSESSMENT_DUE_DAYS),
            ),
            "student",
            placement_path="",
        )
        .filter(~Exists(scheduled))
        .annotate(action_since=F("end_date"), action_student=F("student_id"))
        .values("pk", "action_since", "action_student")
    )


def to_schedule_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    end = row["action_since"]
    return ActionItem(
        kind="assessments_to_schedule",
        what=_TO_SCHEDULE,
        params={"end": _ShownDate(end)},
        student_id=row["action_student"],
        since=end - timedelta(days=ASSESSMENT_DUE_DAYS),
        actor=Role.COORDINATOR,
        url_name="assessments:schedule",
        url_args=(row["pk"],),
    )


def unsigned_rows(scope: ActionScope) -> QuerySet[Any]:
    """Scheduled visits whose date has passed and that are not signed by both assessors."""
    return (
        scope.limit(
            LessonAssessment.objects.filter(status__in=_UNSIGNED, date__lt=scope.today),
            "placement__student",
            placement_path="placement",
        )
        .annotate(action_since=F("date"), action_student=F("placement__student_id"))
        .values("pk", "action_since", "action_student")
    )


def unsigned_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    day = row["action_since"]
    return ActionItem(
        kind="assessments_unsigned",
        what=_UNSIGNED_TEXT,
        params={"date": _ShownDate(day)},
        student_id=row["action_student"],
        since=day + timedelta(days=1),
        actor=Role.ASSESSOR,
        url_name="assessments:detail",
        url_args=(row["pk"],),
        link_roles=VIEWER_ROLES,
    )


def assessed_students(membership: Membership) -> QuerySet[Any]:
    """The students whose assessment lesson the member assesses or co-assesses, and those the
    coordinator assigned to them as assessor before any lesson is scheduled."""
    lessons = lesson_assessments_visible_to(membership).values("placement__student")
    person = membership.person
    if person is None:
        return lessons
    return StudentProfile.objects.filter(
        Q(pk__in=lessons)
        | Q(assessor_assignment__assessor=person, institution_id=person.institution_id)
    ).values("pk")


def register_assessment_actions() -> None:
    register_assessed_placements(assessed_placements)
    register_staff_students(
        assessed_students, kinds=["assessments_unsigned"], label=_("LIO assessment lesson")
    )
    register_action_query(
        key="assessments_to_schedule",
        label=_("Assessment lessons to schedule"),
        rows=to_schedule_rows,
        item=to_schedule_item,
        tracks=[Track.NL],
    )
    register_action_query(
        key="assessments_unsigned",
        label=_("Assessment lessons waiting for signatures"),
        rows=unsigned_rows,
        item=unsigned_item,
        tracks=[Track.NL],
    )
