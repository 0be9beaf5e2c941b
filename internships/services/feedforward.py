"""The feedforward visit (track NL): feedback at the start of the LIO, no grade.

Rule (seed 002, DOMAIN.md "Track NL rules"): at the start the school teacher educator
(*schoolopleider*) visits the student; at a school outside the partnership the school's
qualified supervisor does. It is feedback only: no credits, no grade.
"""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import FeedforwardVisit, Person, Placement, Role, RoleAssignment, Track


def feedforward_recorder_role(placement: Placement) -> str:
    """Who visits: the school teacher educator, or outside the partnership the qualified
    supervisor."""
    if placement.school.in_partnership:
        return Role.SCHOOL_TEACHER_EDUCATOR
    return Role.QUALIFIED_SUPERVISOR


def may_record_feedforward(*, placement: Placement, person: Person) -> bool:
    return RoleAssignment.objects.filter(
        person=person, role=feedforward_recorder_role(placement), school=placement.school_id
    ).exists()


@transaction.atomic
def feedforward_visit_record(
    *, placement: Placement, recorder: Person, visited_on: date, feedback: str, today: date
) -> FeedforwardVisit:
    """Record (or correct) the visit of a track-NL placement; only its visitor may."""
    if placement.student.programme.track != Track.NL:
        raise ValidationError(_("Only the Dutch LIO has a feedforward visit."))
    if not may_record_feedforward(placement=placement, person=recorder):
        raise PermissionDenied
    if placement.status == Placement.Status.CANCELLED:
        raise ValidationError(_("This placement has been cancelled."))
    if visited_on > today:
        raise ValidationError({"visited_on": _("The visit cannot be in the future.")})
    if not feedback.strip():
        raise ValidationError({"feedback": _("Write down the feedback you gave.")})
    visit = FeedforwardVisit.objects.select_for_update().filter(placement=placement).first()
    visit = visit or FeedforwardVisit(placement=placement)
    visit.visited_on = visited_on
    visit.feedback = feedback.strip()
    visit.recorded_by = recorder
    visit.save()
    return visit
