"""The "needs action" providers of the internships workflows (see `internships.actions`).

Every one is a query: the dashboard counts the rows and reads the oldest in SQL. For the LIO
days not logged, the day from which a placement's log is behind is kept on the placement; how
many days it lacks is worked out from the school calendar for the rows read only.
"""

import json
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    CharField,
    Count,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Concat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from signoffs.models import SignatureRequest

from .action_observations import school_region, short_month_items, short_month_rows
from .actions import ActionItem, ActionScope, register_action_query
from .day_log_estimate import FreeDayIndex, SchoolDays, unlogged_days
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


def unlogged_rows(scope: ActionScope) -> QuerySet[Any]:
    """Active track-NL placements whose day log is behind: the planned day from which it is
    behind (kept on the placement, see `internships.services.action_dates`) has passed. A day
    logged today is a planned day, so the plan then runs until today."""
    today = scope.today
    return (
        scope.limit(
            Placement.objects.filter(
                Q(log_behind_from__lt=today) | Q(log_behind_from=today, last_logged_day=today),
                scope.in_track(Track.NL, "student"),
                status=Placement.Status.ACTIVE,
                start_date__lt=today,
            ),
            "student",
            placement_path="",
        )
        .annotate(
            action_since=F("log_behind_from"),
            action_student=F("student_id"),
            # The JSON as text: a few patterns repeat over the rows, each read once.
            pattern=ExpressionWrapper(F("weekdays"), output_field=CharField()),
            region=Subquery(school_region),
        )
        .values(
            "pk",
            "action_since",
            "action_student",
            "pattern",
            "start_date",
            "school_id",
            "region",
            "days_logged",
            "days_counting",
            "last_logged_day",
        )
    )


def unlogged_items(scope: ActionScope, rows: list[dict[str, Any]]) -> list[ActionItem]:
    """How many planned days each of `rows` lacks (estimated from the placement's day-log
    counters, see `internships.day_log_estimate`): one query, for the calendar overrides."""
    if not rows:
        return []
    index = FreeDayIndex(CalendarOverride.objects.filter(institution=scope.institution))
    school_days = SchoolDays(index)
    today, yesterday = scope.today, scope.today - timedelta(days=1)
    items = []
    for row in rows:
        until = today if row["last_logged_day"] == today else yesterday
        planned = school_days.so_far(
            school_id=row["school_id"],
            region=row["region"],
            first=row["start_date"],
            last=until,
            weekdays=json.loads(row["pattern"]),
        )
        missing = unlogged_days(
            planned_so_far=planned, logged=row["days_logged"], counted=row["days_counting"]
        )
        items.append(
            ActionItem(
                kind="unlogged_lio_days",
                what=_UNLOGGED,
                params={"count": missing},
                student_id=row["action_student"],
                since=row["action_since"],
                actor=Role.STUDENT,
                url_name="internships:placement-days",
                url_args=(row["pk"],),
                link_roles=_DAY_LOG_READERS,
            )
        )
    return items


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
    register_action_query(
        key="unlogged_lio_days",
        label=_("LIO days not logged"),
        rows=unlogged_rows,
        items=unlogged_items,
        tracks=[Track.NL],
    )
    register_action_query(
        key="days_to_confirm",
        label=_("LIO days to confirm"),
        rows=days_to_confirm_rows,
        item=days_to_confirm_item,
        tracks=[Track.NL],
    )
    register_action_query(
        key="short_observation_months",
        label=_("Months with too few observations"),
        rows=short_month_rows,
        items=short_month_items,
        tracks=[Track.VL],
    )
