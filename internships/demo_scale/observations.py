"""The mentors' observations of the track-VL students of a scale batch (a bulk seeder).

Rule (DOMAIN.md, "Track VL rules"): the mentor observes at least twice in every calendar
month. Most mentors do, some observe more; about one placement in twelve has a closed month
with a single observation, so the dashboard's short months are a realistic minority. Older
observations are acknowledged by the student, the last ones still wait for the student and
a few of this month's are drafts; about half of the acknowledged ones carry a response of the
student. Signatures hash what their signer's role covers through the same function the services
use (the mentor's without the response), so `verify_signatures` finds every one of them intact.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from functools import cache
from random import Random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from signoffs.models import Signature, SignatureRequest, SignOffEvent
from signoffs.services import document_hash

from ..calendars import library_free_days
from ..models import Observation, Placement, Role, Track
from ..observation_cadence import month_end, months_between, school_days_between
from .batch import ScaleBatch

_BATCH = 1000
_SHORT_MONTH_SHARE = 0.08
_WAITING_DAYS = 10  # observations of the last days still wait for the student
_TEXTS = [
    ("Wiskunde: breuken", "Instructie in kleine stappen", "Heldere uitleg met materiaal."),
    ("Taal: begrijpend lezen", "Vraagstelling", "Goede open vragen, rustige klas."),
    ("Wereldoriëntatie: water", "Samenwerkend leren", "Iedereen had een rol in de groep."),
    ("Schrijven: een brief", "Differentiatie", "Drie niveaus, duidelijk voorbereid."),
]
_TO_IMPROVE = "Meer wachttijd na een vraag; de snelle leerlingen eerder uitdagen."
_AGREEMENTS = "Volgende observatie: focus op het klassenmanagement bij de overgangen."
_RESPONSE_SHARE = 0.5
_RESPONSES = [
    "Bedankt, ik ga ermee aan de slag.",
    "Herkenbaar. Bij de volgende les plan ik bewust wachttijd in.",
    "Goede tip over de snelle leerlingen; ik maak verrijkingskaarten.",
]


@dataclass
class _Rows:
    observations: list[Observation] = field(default_factory=list)
    requests: list[SignatureRequest] = field(default_factory=list)
    signatures: list[Callable[[], Signature]] = field(default_factory=list)
    events: list[SignOffEvent] = field(default_factory=list)


def seed_observations_scale(batch: ScaleBatch) -> None:
    if batch.programme.track != Track.VL:
        return
    rng = Random(f"observations-{batch.institution.pk}-{batch.first_number}")  # noqa: S311  # nosec B311
    started = [p for p in batch.placements if p.status == Placement.Status.ACTIVE and p.mentor]
    plans = [(p, day, status) for p in started for day, status in _plan(p, batch, rng)]
    rows = _Rows()
    rows.observations = [_observation(p, day, status, rng) for p, day, status in plans]
    Observation.objects.bulk_create(rows.observations, batch_size=_BATCH)
    kind = ContentType.objects.get_for_model(Observation)
    for observation in rows.observations:
        _sign_off(observation, kind, rows)
    SignatureRequest.objects.bulk_create(rows.requests, batch_size=_BATCH)
    Signature.objects.bulk_create([make() for make in rows.signatures], batch_size=_BATCH)
    SignOffEvent.objects.bulk_create(rows.events, batch_size=_BATCH)


@cache
def _free_days(region: str, first: date, last: date) -> frozenset[date]:
    return frozenset(library_free_days(region, first, last))


def _plan(placement: Placement, batch: ScaleBatch, rng: Random) -> list[tuple[date, str]]:
    """(day, status) of each observation of the placement up to the reference day."""
    assert placement.start_date is not None and placement.end_date is not None
    reference = batch.reference
    last = min(placement.end_date, reference - timedelta(days=1))
    if last < placement.start_date:
        return []
    free = _free_days(placement.school.region, placement.start_date, placement.end_date)
    short = rng.random() < _SHORT_MONTH_SHARE
    months = months_between(placement.start_date, last)
    closed = [m for m in months if month_end(m) <= last]
    short_month = rng.choice(closed) if short and closed else None
    planned = []
    for month in months:
        days = school_days_between(
            max(month, placement.start_date), min(month_end(month), last), free
        )
        wanted = 1 if month == short_month else rng.choices([2, 3], [4, 1])[0]
        if month_end(month) > last:  # the current month: the mentor is under way
            wanted = rng.randint(0, 2)
        picked = sorted(rng.sample(days, min(wanted, len(days))))
        planned += [(day, _status(day, reference, rng)) for day in picked]
    return planned


def _status(day: date, reference: date, rng: Random) -> str:
    if day < reference - timedelta(days=_WAITING_DAYS):
        return Observation.Status.ACKNOWLEDGED
    return rng.choice(
        [Observation.Status.SIGNED, Observation.Status.SIGNED, Observation.Status.DRAFT]
    )


def _observation(placement: Placement, day: date, status: str, rng: Random) -> Observation:
    subject, focus, went_well = rng.choice(_TEXTS)
    observation = Observation(
        placement=placement,
        observer=placement.mentor,
        observed_on=day,
        class_name=placement.class_name or "2A",
        subject=subject,
        focus=focus,
        went_well=went_well,
        to_improve=_TO_IMPROVE,
        agreements=_AGREEMENTS,
        status=status,
    )
    if status != Observation.Status.DRAFT:
        observation.signed_at = _moment(day, 16)
    if status == Observation.Status.ACKNOWLEDGED:
        observation.acknowledged_at = _moment(day + timedelta(days=rng.randint(1, 4)), 19)
        if rng.random() < _RESPONSE_SHARE:
            observation.student_response = rng.choice(_RESPONSES)
    return observation


def _moment(day: date, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _sign_off(observation: Observation, kind: ContentType, rows: _Rows) -> None:
    """The rows `observation_sign_off` and `observation_acknowledge` write; each signature
    hashes what its signer's role covers (the mentor's leaves out the student's response)."""
    mentor, student = observation.observer, observation.placement.student.person
    created = _moment(observation.observed_on, 15)
    rows.events.append(_event(observation, kind, SignOffEvent.Action.CREATED, mentor, created))
    if observation.status == Observation.Status.DRAFT:
        return
    acknowledged = observation.status == Observation.Status.ACKNOWLEDGED
    for role, person, when in (
        (Role.MENTOR, mentor, observation.signed_at),
        (Role.STUDENT, student, observation.acknowledged_at),
    ):
        request = SignatureRequest(
            content_type=kind,
            object_id=observation.pk,
            role=role,
            person=person,
            requested_at=observation.signed_at,
        )
        rows.requests.append(request)
        if when is None:
            continue
        request.status, request.acted_at = SignatureRequest.Status.SIGNED, when
        digest = document_hash(observation, role)
        rows.signatures.append(_signature_maker(request, digest))
        rows.events.append(_event(observation, kind, SignOffEvent.Action.SIGNED, person, when))
    if acknowledged:
        when = observation.acknowledged_at
        rows.events.append(_event(observation, kind, SignOffEvent.Action.COMPLETED, None, when))


def _signature_maker(request: SignatureRequest, digest: str) -> Callable[[], Signature]:
    def make() -> Signature:
        return Signature(
            content_type=request.content_type,
            object_id=request.object_id,
            request=request,
            role=request.role,
            signer=request.person,
            signer_name=request.person.full_name,
            method=Signature.Method.ACCOUNT,
            signed_at=request.acted_at,
            content_hash=digest,
        )

    return make


def _event(
    observation: Observation, kind: ContentType, action: str, actor: object, when: datetime
) -> SignOffEvent:
    return SignOffEvent(
        content_type=kind, object_id=observation.pk, action=action, actor=actor, created_at=when
    )
