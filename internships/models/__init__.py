from .calendar_overrides import CalendarOverride
from .guidance import Attendance, FeedforwardVisit, IntervisionParticipant, IntervisionSession
from .lio_days import LioDay, Responsibility
from .observations import Observation, ObservationReminder
from .organisations import Country, Institution, Programme, Region, School, SchoolYear, Track
from .people import INSTITUTION_ROLES, SCHOOL_ROLES, Person, Role, RoleAssignment, StudentProfile
from .placements import Grade, Placement
from .start_applications import EntryRequirement, StartApplication
from .talks import TalkBooking, TalkSlot

__all__ = [
    "INSTITUTION_ROLES",
    "SCHOOL_ROLES",
    "Attendance",
    "CalendarOverride",
    "Country",
    "EntryRequirement",
    "FeedforwardVisit",
    "Grade",
    "Institution",
    "IntervisionParticipant",
    "IntervisionSession",
    "LioDay",
    "Observation",
    "ObservationReminder",
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
    "TalkBooking",
    "TalkSlot",
    "Track",
]
