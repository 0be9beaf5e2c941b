"""Who may apply for the LIO: entry requirements (track NL), admission conditions (track VL).

Plain functions without database access; the start application service calls them.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import EntryRequirement, Grade, StartApplication

MIN_SPECIAL_CLASS_PUPILS = 6
MIN_PERIODS_PER_WEEK = 6


def missing_entry_requirements(met: Iterable[str]) -> list[EntryRequirement.Kind]:
    """Track NL: the *ingangseisen* not met yet (all are required to start the LIO)."""
    met_set = set(met)
    return [kind for kind in EntryRequirement.Kind if kind.value not in met_set]


@dataclass(frozen=True)
class VlAdmission:
    """The answers of a track-VL student about their appointment and their school."""

    appointment: str
    special_class_pupils: int | None
    appointment_for_school_year: bool | None
    appointment_start: date | None
    periods_per_week: int | None
    school_confirms_conditions: bool


def latest_appointment_start(school_year_start: date) -> date:
    """The appointment must run from 1 October of the school year at the latest."""
    return date(school_year_start.year, 10, 1)


def vl_admission_problems(answers: VlAdmission, *, school_year_start: date) -> dict[str, Promise]:
    """Track VL *toelatingsvoorwaarden*: field name → the rule that failed."""
    problems: dict[str, Promise] = {}
    appointment = StartApplication.Appointment
    if answers.appointment not in (appointment.PRIMARY, appointment.SPECIAL):
        problems["appointment"] = _(
            "You need an appointment as a primary-school teacher in Flanders, or in special "
            "education in a diploma-oriented class."
        )
    elif answers.appointment == appointment.SPECIAL and (
        answers.special_class_pupils is None
        or answers.special_class_pupils < MIN_SPECIAL_CLASS_PUPILS
    ):
        problems["special_class_pupils"] = _(
            "Special education counts only for a diploma-oriented class of at least 6 pupils."
        )
    if answers.appointment_for_school_year is not True:
        problems["appointment_for_school_year"] = _(
            "The appointment must be for the school year (op jaarbasis)."
        )
    latest = latest_appointment_start(school_year_start)
    if answers.appointment_start is None or answers.appointment_start > latest:
        problems["appointment_start"] = _(
            "The appointment must start on 1 October of the school year at the latest."
        )
    if answers.periods_per_week is None or answers.periods_per_week < MIN_PERIODS_PER_WEEK:
        problems["periods_per_week"] = _(
            "You need at least 6 teaching periods a week in the same class."
        )
    if not answers.school_confirms_conditions:
        problems["school_confirms_conditions"] = _(
            "The placement school must confirm that it offers assignments in several grades and "
            "learning areas, is flexible and provides induction guidance."
        )
    return problems


_YEAR_1_OPTIONS = ({Grade.VL_2}, {Grade.VL_3, Grade.VL_4})


def vl_grades_problem(grades: Iterable[str], lio_year: int | None) -> Promise | None:
    """Year 1: grade 2 or the second grade (3–4); year 2: grade 1 and the third grade (5–6)."""
    chosen = set(grades)
    if lio_year == 1:
        if chosen and any(chosen <= option for option in _YEAR_1_OPTIONS):
            return None
        return _(
            "In LIO year 1 the placement is in the 2nd year or in the second grade (3rd-4th year)."
        )
    if lio_year == 2:
        third_grade = {Grade.VL_5, Grade.VL_6}
        if Grade.VL_1 in chosen and chosen & third_grade and chosen <= {Grade.VL_1} | third_grade:
            return None
        return _(
            "In LIO year 2 the placement is in the 1st year and in the third grade (5th-6th year)."
        )
    return _("The student has no LIO year.")
