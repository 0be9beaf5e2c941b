"""The planned LIO period of a start application (track NL), with the school's calendar."""

from .models import StartApplication, Track
from .planning import LioPlan
from .selectors_calendar import plan_for_school


def plan_for_application(application: StartApplication) -> LioPlan | None:
    """The 25-day plan of a track-NL application; None while start date or days are missing.

    Raises `PlanningError` when the choices break a planning rule.
    """
    if application.placement.student.programme.track != Track.NL:
        return None
    if not application.start_date or not application.weekdays:
        return None
    return plan_for_school(
        school=application.school, start=application.start_date, weekdays=application.weekdays
    )
