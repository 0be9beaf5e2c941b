"""Navigation per role, for the base template."""

from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .membership import Membership
from .models import INSTITUTION_ROLES, SCHOOL_ROLES, Country, Role

_STAFF_ROLES = (INSTITUTION_ROLES | SCHOOL_ROLES) - {Role.COORDINATOR}
# Institution staff who schedule intervision and publish orientation talks (track VL).
_GUIDANCE_STAFF = frozenset({Role.COORDINATOR, Role.STUDY_COACH})

_NAVIGATION = [
    (frozenset({Role.COORDINATOR}), "internships:overview", _("Overview")),
    (frozenset({Role.COORDINATOR}), "internships:placement-list", _("Placements")),
    (frozenset({Role.COORDINATOR}), "internships:student-list", _("Students")),
    (frozenset({Role.COORDINATOR}), "internships:school-list", _("Schools")),
    (frozenset({Role.COORDINATOR}), "internships:start-application-list", _("Applications")),
    (frozenset({Role.COORDINATOR}), "internships:calendar-list", _("Calendars")),
    (frozenset({Role.COORDINATOR}), "internships:planner", _("Planner")),
    (frozenset({Role.STUDENT}), "internships:my-lio", _("My LIO")),
    (frozenset({Role.STUDENT}), "internships:day-log", _("LIO days")),
    (frozenset({Role.STUDENT}), "internships:planner", _("Planner")),
    (_STAFF_ROLES, "internships:my-students", _("My students")),
    (frozenset({Role.STUDENT}), "internships:my-observations", _("Observations")),
    (frozenset({Role.STUDENT}), "internships:my-feedforward", _("Feedforward")),
    (frozenset({Role.STUDENT}), "internships:my-intervisions", _("Intervision")),
    (frozenset({Role.MENTOR}), "internships:mentor-observations", _("Observations")),
    (frozenset({Role.COORDINATOR}), "internships:short-months", _("Short months")),
    (_GUIDANCE_STAFF, "internships:intervision-list", _("Intervision")),
    (_GUIDANCE_STAFF, "internships:talk-slots", _("Orientation talks")),
    (frozenset({Role.STUDENT}), "portfolio:mine", _("Portfolio")),
    (frozenset({Role.COORDINATOR}), "portfolio:student-list", _("Portfolios")),
    (frozenset({Role.STUDY_COACH}), "portfolio:feedback-queue", _("Portfolio feedback")),
    (frozenset({Role.GRADUATION_SUPERVISOR}), "portfolio:sketch-list", _("Profile sketches")),
]
# The 25-day planner and the day log belong to track NL (Dutch institutions).
_NL_ONLY = frozenset({"internships:planner", "internships:day-log"})

# Observation strips, intervision and orientation talks for students and coordinators belong to
# track VL (Flemish institutions); the feedforward visit to track NL.
_VL_ONLY = frozenset(
    {
        "internships:my-observations",
        "internships:my-intervisions",
        "internships:short-months",
        "internships:intervision-list",
        "internships:talk-slots",
    }
)
_NL_ONLY = _NL_ONLY | {"internships:my-feedforward"}


def navigation(request: HttpRequest) -> dict[str, Any]:
    membership: Membership | None = getattr(request, "membership", None)
    if membership is None or not request.user.is_authenticated:
        return {}
    match = request.resolver_match
    current = f"{match.namespace}:{match.url_name}" if match and match.namespace else ""
    items = [
        {"url": reverse(name), "label": label, "active": name == current}
        for roles, name, label in _NAVIGATION
        if membership.has_any(roles)
        and (name not in _NL_ONLY or _is_dutch(membership))
        and (name not in _VL_ONLY or not _is_dutch(membership))
    ]
    return {"nav_items": items, "membership": membership}


def _is_dutch(membership: Membership) -> bool:
    return membership.institution is not None and membership.institution.country == Country.NL
