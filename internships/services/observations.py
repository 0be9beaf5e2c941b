"""Observations: the mentor records and signs off, the student responds and acknowledges.

Rules (DOMAIN.md "People and roles", "Track VL rules"): the placement's mentor observes the
student and signs the observation off; the student reads it, may respond and acknowledges it.
A signed-off observation is locked: a correction is a new version that keeps the old one
visible (marked superseded once the correction is signed off).
"""

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from lio_portal.mail import mail_send
from signoffs import services as signoffs
from signoffs.models import SignOffEvent
from signoffs.selectors import signoff_status

from ..models import Observation, Person, Placement, Role
from ..selectors_observations import CADENCE_STATUSES, placement_period
from .action_dates import placement_action_dates_refresh_one


@dataclass(frozen=True)
class ObservationData:
    """What the mentor fills in."""

    observed_on: date
    class_name: str
    subject: str
    focus: str
    went_well: str
    to_improve: str
    agreements: str = ""


def observation_content(observation: Observation) -> dict[str, Any]:
    """The whole observation as its page shows it; the student's signature covers all of it."""
    return {
        "placement": observation.placement_id,
        "student": observation.placement.student.person.full_name,
        "observer": {"id": observation.observer_id, "name": observation.observer.full_name},
        "version": observation.version,
        "previous": observation.previous_id,
        "observed_on": observation.observed_on,
        "class_name": observation.class_name,
        "subject": observation.subject,
        "focus": observation.focus,
        "went_well": observation.went_well,
        "to_improve": observation.to_improve,
        "agreements": observation.agreements,
        "student_response": observation.student_response,
    }


def observation_content_for_role(observation: Observation, role: str) -> dict[str, Any]:
    """What a signer in `role` covers: the mentor signs off before the student responds, so the
    mentor's signature covers the observation with the response still empty (as it was then);
    the student's covers everything, the response included."""
    content = observation_content(observation)
    if role == Role.MENTOR:
        content["student_response"] = ""
    return content


def _check_mentor(placement: Placement, mentor: Person) -> None:
    """Only the mentor named on the placement observes and signs off."""
    if placement.mentor_id is None or placement.mentor_id != mentor.pk:
        raise PermissionDenied


def _check_data(placement: Placement, data: ObservationData, today: date) -> None:
    if placement.status not in CADENCE_STATUSES:
        raise ValidationError(_("Observations can be recorded once the LIO has started."))
    first, last = placement_period(placement)
    if data.observed_on > today:
        raise ValidationError({"observed_on": _("An observation cannot be in the future.")})
    if not first <= data.observed_on <= last:
        raise ValidationError(
            {
                "observed_on": _("Choose a date within the placement (%(first)s – %(last)s).")
                % {"first": date_format(first), "last": date_format(last)}
            }
        )
    for name in ("class_name", "subject", "focus", "went_well", "to_improve"):
        if not getattr(data, name).strip():
            raise ValidationError({name: _("This field is required.")})


def _locked(observation: Observation) -> Observation:
    return (
        Observation.objects.select_for_update()
        .select_related("placement__student__person", "observer")
        .get(pk=observation.pk)
    )


def _fill(observation: Observation, data: ObservationData) -> None:
    for name, value in asdict(data).items():
        setattr(observation, name, value.strip() if isinstance(value, str) else value)


@transaction.atomic
def observation_create(
    *, placement: Placement, mentor: Person, data: ObservationData, today: date
) -> Observation:
    """The mentor records a new observation as a draft."""
    _check_mentor(placement, mentor)
    _check_data(placement, data, today)
    observation = Observation(placement=placement, observer=mentor)
    _fill(observation, data)
    observation.save()
    signoffs.event_log(document=observation, action=SignOffEvent.Action.CREATED, actor=mentor)
    return observation


@transaction.atomic
def observation_update(
    *, observation: Observation, mentor: Person, data: ObservationData, today: date
) -> Observation:
    """The mentor changes a draft; a signed-off observation is locked."""
    observation = _locked(observation)
    _check_mentor(observation.placement, mentor)
    if observation.is_locked:
        raise ValidationError(_("A signed-off observation is locked. Make a correction instead."))
    _check_data(observation.placement, data, today)
    _fill(observation, data)
    observation.save()
    signoffs.event_log(document=observation, action=SignOffEvent.Action.EDITED, actor=mentor)
    return observation


@transaction.atomic
def observation_sign_off(
    *, observation: Observation, mentor: Person, method: str, seen_hash: str
) -> Observation:
    """The mentor signs the draft off: it is locked and the student is asked to acknowledge it.

    A signed-off correction supersedes the version it corrects.
    """
    observation = _locked(observation)
    _check_mentor(observation.placement, mentor)
    if observation.is_locked:
        raise ValidationError(_("This observation has already been signed off."))
    student = observation.placement.student.person
    requests = signoffs.signature_requests_open(
        document=observation,
        signers=[(Role.MENTOR, mentor), (Role.STUDENT, student)],
        actor=mentor,
        notify=False,
    )
    signoffs.signature_record(
        document=observation,
        request_id=requests[0].pk,
        signer=mentor,
        method=method,
        seen_hash=seen_hash,
    )
    now = timezone.now()
    observation.status = Observation.Status.SIGNED
    observation.signed_at = now
    observation.save(update_fields=["status", "signed_at", "updated_at"])
    if observation.previous_id:
        _supersede(observation.previous, by=observation, actor=mentor, now=now)
    placement_action_dates_refresh_one(observation.placement_id)
    mail_send(
        template="internships/email/observation_signed",
        recipient=student,
        context={"observation": observation, "url": observation_url(observation)},
    )
    return observation


def _supersede(previous: Observation, *, by: Observation, actor: Person, now: datetime) -> None:
    previous = Observation.objects.select_for_update().get(pk=previous.pk)
    previous.superseded_at = now
    previous.save(update_fields=["superseded_at", "updated_at"])
    signoffs.event_log(
        document=previous,
        action=SignOffEvent.Action.EDITED,
        actor=actor,
        detail=_("replaced by the correction (version %(version)s)") % {"version": by.version},
    )


@transaction.atomic
def observation_acknowledge(
    *, observation: Observation, student: Person, response: str, seen_hash: str, method: str
) -> Observation:
    """The student acknowledges the signed-off observation, with an optional response.

    The response becomes part of what the student's signature covers, not the mentor's
    (`observation_content_for_role`), so the mentor's signature stays valid.
    """
    observation = _locked(observation)
    if observation.placement.student.person_id != student.pk:
        raise PermissionDenied
    if observation.status != Observation.Status.SIGNED:
        raise ValidationError(_("This observation is not waiting for your acknowledgement."))
    if seen_hash != signoffs.document_hash(observation):
        raise ValidationError(
            _("The observation was changed while you were reading it. Read it again.")
        )
    request = signoff_status(observation).request_of(student.pk)
    if request is None:
        raise ValidationError(_("This observation is not waiting for your acknowledgement."))
    observation.student_response = response.strip()
    observation.save(update_fields=["student_response", "updated_at"])
    signoffs.signature_record(
        document=observation,
        request_id=request.pk,
        signer=student,
        method=method,
        seen_hash=signoffs.document_hash(observation),
    )
    observation.status = Observation.Status.ACKNOWLEDGED
    observation.acknowledged_at = timezone.now()
    observation.save(update_fields=["status", "acknowledged_at", "updated_at"])
    signoffs.event_log(document=observation, action=SignOffEvent.Action.COMPLETED)
    return observation


def observation_sign(
    *, document: Observation, request_id: int, signer: Person, method: str, seen_hash: str
) -> Observation:
    """The generic sign-off views: only the student's acknowledgement can be pending."""
    return observation_acknowledge(
        observation=document,
        student=signer,
        response=document.student_response,
        seen_hash=seen_hash,
        method=method,
    )


@transaction.atomic
def observation_correct(
    *, observation: Observation, mentor: Person, data: ObservationData, today: date
) -> Observation:
    """Start a correction of a signed-off observation: a new draft version linked to it.

    The old version stays as it is (and counts) until the correction is signed off.
    """
    observation = _locked(observation)
    _check_mentor(observation.placement, mentor)
    if not observation.is_locked:
        raise ValidationError(_("A draft can be changed directly."))
    if observation.is_superseded or Observation.objects.filter(previous=observation).exists():
        raise ValidationError(_("This observation already has a correction."))
    _check_data(observation.placement, data, today)
    correction = Observation(
        placement=observation.placement,
        observer=mentor,
        previous=observation,
        version=observation.version + 1,
    )
    _fill(correction, data)
    correction.save()
    signoffs.event_log(
        document=correction,
        action=SignOffEvent.Action.CREATED,
        actor=mentor,
        detail=_("correction of version %(version)s") % {"version": observation.version},
    )
    return correction


def observation_url(observation: Observation) -> str:
    return settings.SITE_URL + reverse("internships:observation-detail", args=[observation.pk])
