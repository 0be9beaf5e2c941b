from .calendar_overrides import CalendarOverride
from .lio_days import LioDay, Responsibility
from .organisations import Country, Institution, Programme, Region, School, SchoolYear, Track
from .people import INSTITUTION_ROLES, SCHOOL_ROLES, Person, Role, RoleAssignment, StudentProfile
from .placements import Grade, Placement
from .start_applications import EntryRequirement, StartApplication

__all__ = [
    "INSTITUTION_ROLES",
    "SCHOOL_ROLES",
    "CalendarOverride",
    "Country",
    "EntryRequirement",
    "Grade",
    "Institution",
    "LioDay",
    "Person",
    "Placement",
    "Programme",
    "Region",
    "Responsibility",
    "Role",
    "RoleAssignment",
    "School",
    "SchoolYear",
    "StartApplication",
    "StudentProfile",
    "Track",
]
