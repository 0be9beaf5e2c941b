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
# Who follows professional products (track NL); each sees only their own students' products.
_PRODUCT_READERS = frozenset(
    {Role.COORDINATOR, Role.GRADUATION_SUPERVISOR, Role.PRACTICE_SUPERVISOR, Role.MENTOR}
)
# Who follows LIO assessment lessons (track NL): the coordinator, the assessors, the mentor.
_ASSESSMENT_ROLES = frozenset(
    {
        Role.COORDINATOR,
        Role.GRADUATION_SUPERVISOR,
        Role.ASSESSOR,
        Role.SCHOOL_TEACHER_EDUCATOR,
        Role.QUALIFIED_SUPERVISOR,
        Role.MENTOR,
    }
)

# (roles, URL name, label, group): entries of a group show as one dropdown in the navigation
# bar, at the place of the group's first entry; a group with one entry is a plain link. Keep the
# bar short: a coordinator sees four, a student at most four.
_GROUPS = {
    "students": _("Students"),
    "guidance": _("Guidance"),
    "year": _("School year"),
    "days": _("Planning"),
    "work": _("Portfolio and assessment"),
}
_COORDINATOR = frozenset({Role.COORDINATOR})
_NAVIGATION = [
    (_COORDINATOR, "internships:overview", _("Overview"), None),
    (_COORDINATOR, "internships:student-list", _("Students"), "students"),
    (_COORDINATOR, "internships:placement-list", _("Placements"), "students"),
    (_COORDINATOR, "internships:start-application-list", _("Start applications"), "students"),
    (_COORDINATOR, "internships:short-months", _("Short observation months"), "students"),
    (frozenset({Role.STUDENT}), "internships:my-lio", _("My LIO"), None),
    (frozenset({Role.STUDENT}), "internships:day-log", _("LIO days"), "days"),
    (frozenset({Role.STUDENT}), "internships:planner", _("Planner"), "days"),
    (_STAFF_ROLES, "internships:my-students", _("My students"), None),
    (frozenset({Role.STUDENT}), "internships:my-observations", _("Observations"), "guidance"),
    (frozenset({Role.STUDENT}), "internships:my-feedforward", _("Feedforward"), "guidance"),
    (frozenset({Role.STUDENT}), "internships:my-intervisions", _("Intervision"), "guidance"),
    (frozenset({Role.MENTOR}), "internships:mentor-observations", _("Observations"), None),
    (frozenset({Role.STUDENT}), "portfolio:mine", _("Portfolio"), "work"),
    (frozenset({Role.STUDENT}), "portfolio:product-mine", _("Professional product"), "work"),
    (frozenset({Role.STUDENT}), "assessments:mine", _("Assessment lesson"), "work"),
    (_COORDINATOR, "portfolio:student-list", _("Portfolios"), "guidance"),
    (
        frozenset({Role.STUDY_COACH}),
        "portfolio:feedback-queue",
        _("Portfolio feedback"),
        "guidance",
    ),
    (
        frozenset({Role.GRADUATION_SUPERVISOR}),
        "portfolio:sketch-list",
        _("Profile sketches"),
        "guidance",
    ),
    (_PRODUCT_READERS, "portfolio:product-list", _("Professional products"), "guidance"),
    (_ASSESSMENT_ROLES, "assessments:list", _("Assessment lessons"), "guidance"),
    (_GUIDANCE_STAFF, "internships:intervision-list", _("Intervision"), "guidance"),
    (_GUIDANCE_STAFF, "internships:talk-slots", _("Orientation talks"), "guidance"),
    (_COORDINATOR, "internships:school-list", _("Schools"), "year"),
    (_COORDINATOR, "internships:calendar-list", _("Calendars"), "year"),
    (_COORDINATOR, "internships:planner", _("Planner"), "year"),
    (_COORDINATOR, "internships:import", _("Import"), "year"),
    (_COORDINATOR, "privacy:people", _("Personal data"), "year"),
]
# The 25-day planner, the day log and the assessment lesson belong to track NL (Dutch institutions).
_NL_ONLY = frozenset(
    {"internships:planner", "internships:day-log", "assessments:mine", "assessments:list"}
) | {"portfolio:product-mine", "portfolio:product-list"}

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
    entries = [
        (name, label, group)
        for roles, name, label, group in _NAVIGATION
        if membership.has_any(roles)
        and (name not in _NL_ONLY or _is_dutch(membership))
        and (name not in _VL_ONLY or not _is_dutch(membership))
    ]
    return {"nav_items": _grouped(entries, current), "membership": membership}


def _grouped(entries: list[tuple[str, Any, str | None]], current: str) -> list[dict[str, Any]]:
    """Top-level links, with each group's links gathered in one dropdown entry."""
    items: list[dict[str, Any]] = []
    dropdowns: dict[str, dict[str, Any]] = {}
    for name, label, group in entries:
        link = {"url": reverse(name), "label": label, "active": name == current}
        if group is None:
            items.append(link)
            continue
        if group not in dropdowns:
            dropdowns[group] = {"label": _GROUPS[group], "children": [], "key": group}
            items.append(dropdowns[group])
        dropdown = dropdowns[group]
        dropdown["children"].append(link)
        dropdown["active"] = dropdown.get("active", False) or link["active"]
    return [item["children"][0] if len(item.get("children", ())) == 1 else item for item in items]


def _is_dutch(membership: Membership) -> bool:
    return membership.institution is not None and membership.institution.country == Country.NL
