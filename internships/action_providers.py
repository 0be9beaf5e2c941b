"""The "needs action" providers of the internships workflows (see `internships.actions`).

Late signatures, applications to confirm and days to confirm are queries: the dashboard counts
them and reads the oldest in SQL. The LIO days not logged are computed from the school
calendars, from one query of plain tuples for all active placements.
"""

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from signoffs.models import SignatureRequest

from .action_observations import short_observation_month_items
from .actions import ActionItem, ActionScope, register_action_provider, register_action_query
from .day_log_estimate import FreeDayIndex, pattern_school_days, unlogged_days
from .models import (
    INSTITUTION_ROLES,
    SCHOOL_ROLES,
    CalendarOverride,
    LioDay,
    Person,
    Placement,
    Role,
    StartApplication,
    Track,
)
from .planning import LIO_DAYS
from .selectors_days import days_per_placement

# A mentor confirms a week of logged days; a day still open after this is late.
CONFIRM_WITHIN_DAYS = 7
_APPLICATION_READERS = frozenset({Role.COORDINATOR, Role.MENTOR, Role.DIRECTOR, Role.STUDY_COACH})
_DAY_LOG_READERS = frozenset(INSTITUTION_ROLES | SCHOOL_ROLES)
_ROLE_LABELS = dict(Role.choices)

_LATE_SIGNATURE = _("Signature of the %(role)s (%(name)s) on the start application")
_TO_CONFIRM = _("Signed start application to confirm")
_UNLOGGED = ngettext_lazy(
    "%(count)s planned LIO day not logged", "%(count)s planned LIO days not logged", "count"
)
_DAYS_TO_CONFIRM = ngettext_lazy(
    "%(count)s logged LIO day to confirm", "%(count)s logged LIO days to confirm", "count"
)


class _Lower:
    """A role label in lower case, translated when the text is shown."""

    def __init__(self, label: object) -> None:
        self.label = label

    def __str__(self) -> str:
        return str(self.label).lower()


def late_signature_rows(scope: ActionScope) -> QuerySet[Any]:
    """Signature requests on start applications waiting longer than SIGNATURE_LATE_AFTER_DAYS."""
    late = timezone.now() - timedelta(days=settings.SIGNATURE_LATE_AFTER_DAYS)
    applications = scope.limit(
        StartApplication.objects.filter(status=StartApplication.Status.SUBMITTED),
        "placement__student",
        placement_path="placement",
    )
    application = StartApplication.objects.filter(pk=OuterRef("object_id")).order_by()
    signer = Person.objects.filter(pk=OuterRef("person_id")).order_by()
    # The student and the signer's name are subqueries, not joins: PostgreSQL computes them
    # for the rows read only, while the window that counts sees every late request.
    return (
        SignatureRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(StartApplication),
            object_id__in=applications.values("pk"),
            status=SignatureRequest.Status.PENDING,
            requested_at__lt=late,
        )
        .annotate(
            action_since=F("requested_at"),
            action_student=Subquery(application.values("placement__student_id")[:1]),
            signer_name=Subquery(
                signer.values(name=Concat("first_name", Value(" "), "last_name"))[:1]
            ),
        )
        .values(
            "object_id", "role", "requested_at", "action_since", "action_student", "signer_name"
        )
    )


def late_signature_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    role = row["role"]
    return ActionItem(
        kind="late_signatures",
        what=_LATE_SIGNATURE,
        params={"role": _Lower(_ROLE_LABELS.get(role, role)), "name": row["signer_name"]},
        student_id=row["action_student"],
        since=scope.local_date(row["requested_at"]),
        actor=role,
        url_name="internships:start-application-detail",
        url_args=(row["object_id"],),
        link_roles=_APPLICATION_READERS,
    )


def to_confirm_rows(scope: ActionScope) -> QuerySet[Any]:
    """Start applications signed by everyone, waiting for the coordinator's confirmation."""
    return (
        scope.limit(
            StartApplication.objects.filter(status=StartApplication.Status.SIGNED),
            "placement__student",
            placement_path="placement",
        )
        .annotate(action_since=F("updated_at"), action_student=F("placement__student_id"))
        .values("pk", "action_since", "action_student")
    )


def to_confirm_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    return ActionItem(
        kind="applications_to_confirm",
        what=_TO_CONFIRM,
        student_id=row["action_student"],
        since=scope.local_date(row["action_since"]),
        actor=Role.COORDINATOR,
        url_name="internships:start-application-detail",
        url_args=(row["pk"],),
        link_roles=_APPLICATION_READERS,
    )


def _active_dutch_placements(scope: ActionScope) -> QuerySet[Any]:
    """Per active track-NL placement: its pattern, school and region, student, and the
    counters of its day log (kept on the placement by the day-log services)."""
    return (
        scope.limit(
            Placement.objects.filter(
                scope.in_track(Track.NL, "student"),
                status=Placement.Status.ACTIVE,
                start_date__lt=scope.today,
                # With every counting day logged, nothing is missing.
                days_counting__lt=LIO_DAYS,
            ),
            "student",
            placement_path="",
        )
        .values_list(
            "pk",
            # The JSON as text: a few patterns repeat over thousands of rows, each read once.
            ExpressionWrapper(F("weekdays"), output_field=CharField()),
            "start_date",
            "school_id",
            "student_id",
            "days_logged",
            "days_counting",
            "last_logged_day",
            "school__region",
        )
        .order_by()
    )


def unlogged_lio_days(scope: ActionScope) -> Iterator[ActionItem]:
    """Active track-NL placements with planned days before today that are not logged yet
    (estimated from the placement's day-log counters, see `internships.day_log_estimate`).
    A day logged today is a planned day, so the plan then runs until today."""
    index = FreeDayIndex(CalendarOverride.objects.filter(institution=scope.institution))
    today, yesterday = scope.today, scope.today - timedelta(days=1)
    # Thousands of placements share a few calendars, starts and patterns: each is asked once.
    calendars: dict[int, object] = {}
    planned: dict[tuple[object, ...], int] = {}
    for row in _active_dutch_placements(scope):
        pk, weekdays, start, school, student, logged, counted, last_day, region = row
        until = today if last_day == today else yesterday
        calendar = calendars.get(school)
        if calendar is None:
            calendar = calendars[school] = index.calendar_key(school_id=school, region=region)
        key = (calendar, start, weekdays, until)
        so_far = planned.get(key)
        if so_far is None:
            free = index.free_days(school_id=school, region=region, day=start)
            so_far = planned[key] = pattern_school_days(
                first=start, last=until, weekdays=json.loads(weekdays), free_days=free
            )
        missing = unlogged_days(planned_so_far=so_far, logged=logged, counted=counted)
        if missing:
            yield ActionItem(
                kind="unlogged_lio_days",
                what=_UNLOGGED,
                params={"count": missing},
                student_id=student,
                since=_since(last_day, start),
                actor=Role.STUDENT,
                url_name="internships:placement-days",
                url_args=(pk,),
                link_roles=_DAY_LOG_READERS,
            )


def _since(last_logged: date | None, start: date) -> date:
    """The day after the last logged day: since then the log is silent."""
    return last_logged + timedelta(days=1) if last_logged else start


def days_to_confirm_rows(scope: ActionScope) -> QuerySet[Any]:
    """Placements with logged LIO days the mentor has not confirmed a week after the day: the
    oldest open day is kept on the placement; the number of late days is counted for the rows
    read only."""
    late = scope.today - timedelta(days=CONFIRM_WITHIN_DAYS)
    late_days = LioDay.objects.filter(confirmed_at__isnull=True, date__lt=late)
    return (
        scope.limit(
            Placement.objects.filter(
                status__in=[Placement.Status.ACTIVE, Placement.Status.COMPLETED],
                first_open_day__lt=late,
            ),
            "student",
            placement_path="",
        )
        .annotate(
            days=days_per_placement(late_days, Count("pk")),
            action_since=F("first_open_day"),
            action_student=F("student_id"),
        )
        .values("pk", "days", "action_since", "action_student")
    )


def days_to_confirm_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    return ActionItem(
        kind="days_to_confirm",
        what=_DAYS_TO_CONFIRM,
        params={"count": row["days"]},
        student_id=row["action_student"],
        since=row["action_since"],
        actor=Role.MENTOR,
        url_name="internships:placement-days",
        url_args=(row["pk"],),
        link_roles=_DAY_LOG_READERS,
    )


def register_internship_actions() -> None:
    register_action_query(
        key="late_signatures",
        label=_("Signatures waiting too long"),
        rows=late_signature_rows,
        item=late_signature_item,
    )
    register_action_query(
        key="applications_to_confirm",
        label=_("Start applications to confirm"),
        rows=to_confirm_rows,
        item=to_confirm_item,
    )
    register_action_provider(
        key="unlogged_lio_days",
        label=_("LIO days not logged"),
        items=unlogged_lio_days,
        tracks=[Track.NL],
    )
    register_action_query(
        key="days_to_confirm",
        label=_("LIO days to confirm"),
        rows=days_to_confirm_rows,
        item=days_to_confirm_item,
        tracks=[Track.NL],
    )
    register_action_provider(
        key="short_observation_months",
        label=_("Months with too few observations"),
        items=short_observation_month_items,
        tracks=[Track.VL],
    )
