"""What a student should do next, derived from the state of their placement."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Placement, Track


def student_next_steps(placement: Placement | None) -> list[Promise]:
    """The to-do list on the student's home page."""
    if placement is None:
        return [_("You have no LIO placement yet. Contact your internship coordinator.")]
    steps: list[Promise] = []
    if placement.status == Placement.Status.PLANNED:
        if placement.mentor_id is None:
            steps.append(_("Ask your placement school who will be your mentor."))
        if placement.student.programme.track == Track.NL and placement.start_date is None:
            steps.append(_("Plan your LIO period: choose a start date and your weekly days."))
        steps.append(_("Fill in your start application and have it signed."))
    elif placement.status == Placement.Status.ACTIVE:
        steps.append(_("Log your LIO days and keep your portfolio up to date."))
    elif placement.status == Placement.Status.COMPLETED:
        steps.append(_("Your LIO is completed."))
    return steps
