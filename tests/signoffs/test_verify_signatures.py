"""`manage.py verify_signatures`: every valid signature still matches what was signed."""

from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.utils import timezone

from internships.models import Observation, Role, StartApplication
from internships.services.start_applications import start_application_content
from signoffs.hashing import content_hash
from signoffs.models import Signature, SignatureRequest
from signoffs.verification import VerificationReport, signatures_verify
from tests.conftest import World
from tests.factories import stage_follows

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> None:
    """The demo data as `seed_demo` makes it (CI also verifies it from the command line)."""
    call_command("seed_demo", "--force", stdout=StringIO())


def _valid_signatures_of(application: StartApplication) -> object:
    kind = ContentType.objects.get_for_model(StartApplication)
    return Signature.objects.filter(
        content_type=kind, object_id=application.pk, voided_at__isnull=True
    )


def _signed_application() -> StartApplication:
    kind = ContentType.objects.get_for_model(StartApplication)
    signed = Signature.objects.filter(content_type=kind, voided_at__isnull=True)
    return StartApplication.objects.get(pk=signed.values_list("object_id", flat=True)[0])


def _verify() -> tuple[str, str | None]:
    out = StringIO()
    try:
        call_command("verify_signatures", stdout=out)
    except CommandError as exc:
        return out.getvalue(), str(exc)
    return out.getvalue(), None


def test_the_demo_data_has_no_mismatch(demo: None) -> None:
    report = signatures_verify()
    assert report.checked >= 3
    assert report.mismatches == []
    output, error = _verify()
    assert error is None
    assert f"{report.checked} signature(s) checked, 0 mismatch(es)." in output


@pytest.mark.unaudited_writes
def test_a_signed_record_changed_behind_the_apps_back_is_reported(demo: None) -> None:
    application = _signed_application()
    signers = _valid_signatures_of(application).count()
    # A direct database change: no service, so the signatures are not voided.
    StartApplication.objects.filter(pk=application.pk).update(class_name="groep 8 (changed)")
    output, error = _verify()
    assert error is not None and f"{signers} mismatch(es)" in error
    assert f"internships.startapplication #{application.pk}" in output
    assert output.count("MISMATCH") == signers
    assert "content changed since signing" in output


def _acknowledged_with_a_response() -> Observation:
    """The demo has acknowledged observations whose student responded after the mentor signed."""
    observations = Observation.objects.filter(status=Observation.Status.ACKNOWLEDGED)
    return observations.exclude(student_response="").order_by("pk")[0]


def _reported(observation: Observation) -> list[str]:
    return sorted(
        m.signature.role
        for m in signatures_verify().mismatches
        if m.signature.object_id == observation.pk
        and m.signature.content_type.model_class() is Observation
    )


def test_an_acknowledged_observation_with_a_response_is_not_reported(demo: None) -> None:
    observation = _acknowledged_with_a_response()
    assert Signature.objects.filter(object_id=observation.pk, content_type__model="observation")
    assert _reported(observation) == []


@pytest.mark.unaudited_writes
def test_a_response_changed_behind_the_apps_back_reports_the_students_signature(
    demo: None,
) -> None:
    observation = _acknowledged_with_a_response()
    Observation.objects.filter(pk=observation.pk).update(student_response="Iets anders.")
    assert _reported(observation) == [Role.STUDENT]
    output, error = _verify()
    assert error is not None and "1 mismatch(es)" in error
    assert f"internships.observation #{observation.pk}" in output


@pytest.mark.unaudited_writes
def test_an_observation_changed_behind_the_apps_back_reports_both_signatures(demo: None) -> None:
    observation = _acknowledged_with_a_response()
    Observation.objects.filter(pk=observation.pk).update(to_improve="Niets.")
    assert _reported(observation) == [Role.MENTOR, Role.STUDENT]


def _signed_by_the_mentor(world: World) -> StartApplication:
    application = StartApplication.objects.create(
        placement=world.placement,
        school=world.school,
        class_name="groep 7",
        mentor=world.people[Role.MENTOR],
        status=StartApplication.Status.SUBMITTED,
    )
    stage_follows(world.placement)
    of = {
        "content_type": ContentType.objects.get_for_model(application),
        "object_id": application.pk,
    }
    mentor = world.people[Role.MENTOR]
    request = SignatureRequest.objects.create(**of, role=Role.MENTOR, person=mentor)
    Signature.objects.create(
        **of,
        request=request,
        role=Role.MENTOR,
        signer=mentor,
        signer_name=mentor.full_name,
        method=Signature.Method.LINK,
        content_hash=content_hash(start_application_content(application)),
    )
    return application


@pytest.mark.unaudited_writes
def test_voided_signatures_are_not_checked(world: World) -> None:
    application = _signed_by_the_mentor(world)
    assert signatures_verify().checked == 1
    _valid_signatures_of(application).update(voided_at=timezone.now())
    StartApplication.objects.filter(pk=application.pk).update(class_name="groep 8 (changed)")
    assert signatures_verify() == VerificationReport(checked=0, mismatches=[])


@pytest.mark.unaudited_writes
def test_a_signed_document_that_vanished_is_reported(world: World) -> None:
    application = _signed_by_the_mentor(world)
    _valid_signatures_of(application).update(object_id=10**9)
    mismatches = signatures_verify().mismatches
    assert [m.reason for m in mismatches] == ["document missing"]
