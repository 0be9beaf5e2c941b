"""What a student should do next, derived from the state of their placement and application."""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .models import Placement, StartApplication, Track

_APPLICATION_STEPS = {
    StartApplication.Status.DRAFT: _("Complete your start application and submit it."),
    StartApplication.Status.RETURNED: _(
        "Your start application was sent back: change it and submit it again."
    ),
    StartApplication.Status.SUBMITTED: _(
        "Your start application is waiting for the signatures of your mentor, the school "
        "director and your study coach."
    ),
    StartApplication.Status.SIGNED: _(
        "Your start application is signed and waiting for the internship coordinator."
    ),
}


def student_next_steps(
    placement: Placement | None, application: StartApplication | None = None
) -> list[Promise]:
    """The to-do list on the student's home page."""
    if placement is None:
        return [_("You have no LIO placement yet. Contact your internship coordinator.")]
    steps: list[Promise] = []
    if placement.status == Placement.Status.PLANNED:
        if placement.student.programme.track == Track.NL and placement.start_date is None:
            steps.append(_("Plan your LIO period: choose a start date and your weekly days."))
        if application is None:
            steps.append(_("Fill in your start application and have it signed."))
        elif application.status in _APPLICATION_STEPS:
            steps.append(_APPLICATION_STEPS[application.status])
    elif placement.status == Placement.Status.ACTIVE:
        steps.append(_("Log your LIO days and keep your portfolio up to date."))
    elif placement.status == Placement.Status.COMPLETED:
        steps.append(_("Your LIO is completed."))
    return steps
