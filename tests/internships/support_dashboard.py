"""Builders for the dashboard tests: students in a given pipeline stage, signature requests."""

from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from internships.models import Placement, StartApplication
from signoffs.models import SignatureRequest
from tests.factories import PlacementFactory, stage_follows


def application_for(placement: Placement, status: str) -> StartApplication:
    application = StartApplication.objects.create(
        placement=placement,
        status=status,
        school=placement.school,
        class_name=placement.class_name or "groep 7",
        grades=placement.grades,
        mentor=placement.mentor,
        director=placement.director,
        study_coach=placement.study_coach,
        submitted_at=timezone.now() if status != StartApplication.Status.DRAFT else None,
    )
    stage_follows(placement)
    return application


def placement_in_stage(world: object, stage: str, **kwargs: object) -> Placement:
    """A placement of `world`'s school year in a pipeline stage (see internships.pipeline)."""
    status = {"active": "active", "completed": "completed"}.get(stage, "planned")
    fields = {
        "student__institution": world.institution,  # type: ignore[attr-defined]
        "school": world.school,  # type: ignore[attr-defined]
        "school_year": world.school_year,  # type: ignore[attr-defined]
        "status": status,
    }
    placement = PlacementFactory(**(fields | kwargs))
    application_status = {
        "application": StartApplication.Status.DRAFT,
        "signing": StartApplication.Status.SUBMITTED,
        "confirmed": StartApplication.Status.CONFIRMED,
        "active": StartApplication.Status.CONFIRMED,
        "completed": StartApplication.Status.CONFIRMED,
    }[stage]
    application_for(placement, application_status)
    return placement


def request_signature(
    application: StartApplication, role: str, person: object, requested_at: datetime
) -> SignatureRequest:
    return SignatureRequest.objects.create(
        content_type=ContentType.objects.get_for_model(StartApplication),
        object_id=application.pk,
        role=role,
        person=person,
        requested_at=requested_at,
    )


def days_ago(days: int) -> datetime:
    return timezone.now() - timedelta(days=days)
