"""Start applications of a scale batch with their signature requests, signatures and history.

As in `internships.demo_applications`, rows are written directly (no e-mail), and a
signature's hash is computed from the same content function the services use.
"""

from datetime import date, datetime, time, timedelta
from random import Random

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest, SignOffEvent

from ..models import EntryRequirement, Placement, StartApplication, Track
from ..services.start_applications import SIGNER_ROLES, start_application_content
from .batch import ScaleBatch

_A = StartApplication.Status
_SIGNED_STATUSES = (_A.SIGNED, _A.CONFIRMED)
_BATCH = 1000
_VL_ANSWERS = {
    "appointment": StartApplication.Appointment.PRIMARY,
    "appointment_for_school_year": True,
    "appointment_start": date(2026, 9, 1),
    "periods_per_week": 12,
    "learning_areas": "Nederlands, wiskunde, wereldoriëntatie",
    "school_confirms_conditions": True,
}


def _moment(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def _application(placement: Placement, batch: ScaleBatch, rng: Random) -> StartApplication:
    status = placement._scale_stage.application  # type: ignore[attr-defined]
    first_day = placement.start_date or batch.reference + timedelta(days=30)
    submitted = {
        _A.SUBMITTED: batch.reference - timedelta(days=rng.randint(1, 20)),
        _A.RETURNED: batch.reference - timedelta(days=rng.randint(3, 15)),
    }.get(status, min(first_day, batch.reference) - timedelta(days=rng.randint(15, 30)))
    application = StartApplication(
        placement=placement,
        status=status,
        school=placement.school,
        class_name=placement.class_name or "groep 6",
        grades=placement.grades,
        mentor=placement.mentor,
        director=placement.director,
        study_coach=placement.study_coach,
        weekdays=placement.weekdays,
        start_date=placement.start_date,
        end_date=placement.end_date,
        submitted_at=_moment(submitted) if status != _A.DRAFT else None,
        **(_VL_ANSWERS if placement.student.programme.track == Track.VL else {}),
    )
    if status == _A.CONFIRMED:
        application.confirmed_at = _moment(submitted + timedelta(days=5), 15)
        application.confirmed_by = batch.coordinator
    if status == _A.RETURNED:
        application.return_comment = "De klas klopt niet; pas het formulier aan."
    return application


def seed_applications(batch: ScaleBatch, rng: Random) -> None:
    placements = [
        p
        for p in batch.placements
        if p._scale_stage.application is not None  # type: ignore[attr-defined]
        and p.status != Placement.Status.CANCELLED
    ]
    applications = StartApplication.objects.bulk_create(
        [_application(p, batch, rng) for p in placements], batch_size=_BATCH
    )
    _entry_requirements(batch, applications)
    kind = ContentType.objects.get_for_model(StartApplication)
    requests, pending_signatures = _requests(applications, kind, rng)
    SignatureRequest.objects.bulk_create(requests, batch_size=_BATCH)
    signatures = [make() for make in pending_signatures]
    Signature.objects.bulk_create(signatures, batch_size=_BATCH)
    SignOffEvent.objects.bulk_create(_events(applications, signatures, kind), batch_size=_BATCH)


def _entry_requirements(batch: ScaleBatch, applications: list[StartApplication]) -> None:
    """Every track-NL student who applied has met the entry requirements."""
    if batch.programme.track != Track.NL:
        return
    EntryRequirement.objects.bulk_create(
        [
            EntryRequirement(
                student=a.placement.student, kind=kind, met_on=date(2026, 6, 30), recorded_by=None
            )
            for a in applications
            for kind in EntryRequirement.Kind
        ],
        batch_size=_BATCH,
    )


def _requests(
    applications: list[StartApplication], kind: ContentType, rng: Random
) -> tuple[list[SignatureRequest], list[object]]:
    """The signature requests of submitted applications, and (as callables, for after the
    requests have their keys) the signatures of the ones that are signed."""
    requests, signatures = [], []
    for application in applications:
        if application.status == _A.DRAFT:
            continue
        digest = content_hash(start_application_content(application))
        signed_by_all = application.status in _SIGNED_STATUSES
        for offset, role in enumerate(SIGNER_ROLES, start=1):
            person = getattr(application, role)
            request = SignatureRequest(
                content_type=kind,
                object_id=application.pk,
                role=role,
                person=person,
                requested_at=application.submitted_at,
            )
            signs = signed_by_all or (
                application.status == _A.SUBMITTED and offset == 1 and rng.random() < 0.5
            )
            if application.status == _A.RETURNED and role == "director":
                request.status = SignatureRequest.Status.RETURNED
                request.acted_at = application.submitted_at + timedelta(days=1)
                request.comment = application.return_comment
            elif application.status == _A.RETURNED:
                request.status = SignatureRequest.Status.CANCELLED
            elif signs:
                request.status = SignatureRequest.Status.SIGNED
                request.acted_at = application.submitted_at + timedelta(days=offset)
                signatures.append(_signature_maker(application, request, digest))
            requests.append(request)
    return requests, signatures


def _signature_maker(
    application: StartApplication, request: SignatureRequest, digest: str
) -> object:
    def make() -> Signature:
        return Signature(
            content_type=request.content_type,
            object_id=application.pk,
            request=request,
            role=request.role,
            signer=request.person,
            signer_name=request.person.full_name,
            method=Signature.Method.LINK,
            signed_at=request.acted_at,
            content_hash=digest,
        )

    return make


def _events(
    applications: list[StartApplication], signatures: list[Signature], kind: ContentType
) -> list[SignOffEvent]:
    action = SignOffEvent.Action
    events = [
        SignOffEvent(
            content_type=kind,
            object_id=a.pk,
            action=action.SUBMITTED,
            actor=a.placement.student.person,
            created_at=a.submitted_at,
        )
        for a in applications
        if a.submitted_at
    ]
    events += [
        SignOffEvent(
            content_type=kind,
            object_id=s.object_id,
            action=action.SIGNED,
            actor=s.signer,
            created_at=s.signed_at,
        )
        for s in signatures
    ]
    events += [
        SignOffEvent(
            content_type=kind,
            object_id=a.pk,
            action=action.CONFIRMED,
            actor=a.confirmed_by,
            created_at=a.confirmed_at,
        )
        for a in applications
        if a.confirmed_at
    ]
    return events
