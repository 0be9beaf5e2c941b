"""The portfolio's "needs action" providers (see `internships.actions` for the contract).

All are queries: the dashboard counts them and reads the oldest in SQL.
"""

from typing import Any

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from internships.actions import (
    ActionItem,
    ActionScope,
    register_action_query,
    register_staff_students,
)
from internships.membership import Membership
from internships.models import Role, Track

from .models import AssignmentWork, EvaluationForm, ProfileSketch, WorkStatus
from .selectors_product import product_students_visible_to

_WORK_READERS = frozenset({Role.COORDINATOR, Role.STUDY_COACH})
_SKETCH_READERS = frozenset({Role.COORDINATOR, Role.GRADUATION_SUPERVISOR})
_FEEDBACK = _("Feedback on “%(title)s”")
_SKETCH = _("Assessment of the profile sketch")
_EVALUATION_READERS = frozenset(
    {Role.COORDINATOR, Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR}
)
_EVALUATION = _("Evaluation form of the professional product (%(name)s)")


def work_rows(scope: ActionScope) -> QuerySet[Any]:
    """Submitted assignment work (track VL) waiting for the study coach's feedback."""
    return (
        scope.limit(AssignmentWork.objects.filter(status=WorkStatus.SUBMITTED), "student")
        .annotate(action_since=F("submitted_at"), action_student=F("student_id"))
        .values("pk", "action_since", "action_student", "assignment__title")
    )


def work_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    return ActionItem(
        kind="portfolio_feedback",
        what=_FEEDBACK,
        params={"title": row["assignment__title"]},
        student_id=row["action_student"],
        since=scope.local_date(row["action_since"] or scope.today),
        actor=Role.STUDY_COACH,
        url_name="portfolio:work-detail",
        url_args=(row["pk"],),
        link_roles=_WORK_READERS,
    )


def sketch_rows(scope: ActionScope) -> QuerySet[Any]:
    """Submitted profile sketches (track NL) waiting for the graduation supervisor."""
    return (
        scope.limit(ProfileSketch.objects.filter(status=WorkStatus.SUBMITTED), "student")
        .annotate(action_since=F("submitted_at"), action_student=F("student_id"))
        .values("pk", "action_since", "action_student")
    )


def sketch_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    return ActionItem(
        kind="sketch_assessment",
        what=_SKETCH,
        student_id=row["action_student"],
        since=scope.local_date(row["action_since"] or scope.today),
        actor=Role.GRADUATION_SUPERVISOR,
        url_name="portfolio:sketch-detail",
        url_args=(row["pk"],),
        link_roles=_SKETCH_READERS,
    )


def evaluation_rows(scope: ActionScope) -> QuerySet[Any]:
    """Evaluation forms of the professional product (track NL) that the practice supervisor
    has not signed yet (DOMAIN.md, *beroepsproduct*: on completion the practice supervisor
    gives advice through the form), since the form was sent."""
    return (
        scope.limit(
            EvaluationForm.objects.filter(status=EvaluationForm.Status.OPEN), "product__student"
        )
        .annotate(action_since=F("created_at"), action_student=F("product__student_id"))
        .values(
            "action_since",
            "action_student",
            "practice_supervisor__first_name",
            "practice_supervisor__last_name",
        )
    )


def evaluation_item(scope: ActionScope, row: dict[str, Any]) -> ActionItem:
    first, last = row["practice_supervisor__first_name"], row["practice_supervisor__last_name"]
    return ActionItem(
        kind="evaluation_forms",
        what=_EVALUATION,
        params={"name": f"{first} {last}"},
        student_id=row["action_student"],
        since=scope.local_date(row["action_since"]),
        actor=Role.PRACTICE_SUPERVISOR,
        url_name="portfolio:product-evaluation",
        url_args=(row["action_student"],),
        link_roles=_EVALUATION_READERS,
    )


def product_students(membership: Membership) -> QuerySet[Any]:
    """The students whose professional product the member supervises (or follows)."""
    return product_students_visible_to(membership).values("pk")


def register_portfolio_actions() -> None:
    register_staff_students(
        product_students,
        kinds=["sketch_assessment", "evaluation_forms"],
        label=_("Professional product"),
    )
    register_action_query(
        key="portfolio_feedback",
        label=_("Portfolio work waiting for feedback"),
        rows=work_rows,
        item=work_item,
        tracks=[Track.VL],
    )
    register_action_query(
        key="sketch_assessment",
        label=_("Profile sketches waiting for an assessment"),
        rows=sketch_rows,
        item=sketch_item,
        tracks=[Track.NL],
    )
    register_action_query(
        key="evaluation_forms",
        label=_("Evaluation forms waiting for the practice supervisor"),
        rows=evaluation_rows,
        item=evaluation_item,
        tracks=[Track.NL],
    )
