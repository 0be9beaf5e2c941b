"""The assessment form: filled in by the assessor from the lesson day, complete before the
signatures, the justification rule, voided on change, locked after both signatures, credits."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from assessments.models import CreditAward, LessonAssessment
from assessments.services import (
    lesson_assessment_form_save,
    lesson_assessment_submit,
)
from internships.models import Role
from internships.pipeline import PipelineStage, stage_of_rank
from signoffs.models import Signature, SignatureRequest
from tests.assessments.conftest import (
    VISIT_DAY,
    Capture,
    complete_form,
    filled_in,
    schedule,
    sign_by_link,
    sign_links,
    sign_logged_in,
    travel,
)
from tests.conftest import World, client_for

pytestmark = pytest.mark.django_db


def _requests(assessment: LessonAssessment) -> dict[str, SignatureRequest]:
    return {
        r.role: r
        for r in SignatureRequest.objects.filter(
            content_type=ContentType.objects.get_for_model(assessment), object_id=assessment.pk
        ).exclude(status=SignatureRequest.Status.CANCELLED)
    }


def _both_sign(world: World, assessment: LessonAssessment, capture: Capture) -> LessonAssessment:
    """The assessor signs logged in, the co-assessor from the e-mailed link."""
    with travel(VISIT_DAY, 15):
        sign_logged_in(client_for(world.people[Role.ASSESSOR]), assessment, capture)
        link = sign_links()[world.people[Role.SCHOOL_TEACHER_EDUCATOR].email]
        sign_by_link(link, capture)
    return LessonAssessment.objects.get(pk=assessment.pk)


def test_the_form_opens_on_the_day_of_the_lesson(lio: World) -> None:
    assessment = schedule(lio)
    with pytest.raises(ValidationError) as exc:
        lesson_assessment_form_save(
            assessment=assessment, data=complete_form(), actor=lio.people[Role.ASSESSOR]
        )
    assert "from the day of the lesson" in " ".join(exc.value.messages)


def test_only_the_assessor_fills_in(lio: World) -> None:
    assessment = schedule(lio)
    with travel(VISIT_DAY, 11), pytest.raises(PermissionDenied):
        lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(),
            actor=lio.people[Role.SCHOOL_TEACHER_EDUCATOR],
        )


def test_a_saved_draft_is_being_assessed(lio: World) -> None:
    assessment = schedule(lio)
    with travel(VISIT_DAY, 11):
        saved = lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(result="", self_designed_met=None),
            actor=lio.people[Role.ASSESSOR],
        )
    assert saved.status == LessonAssessment.Status.ASSESSING
    assert saved.self_designed_note == "Gezien bij self_designed."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"differentiation_met": None}, "differentiation_met"),
        ({"sequence_note": " "}, "sequence_note"),
        ({"mentor_absent": False}, "mentor_absent"),
        ({"assessors_talk_notes": ""}, "assessors_talk_notes"),
        ({"mentor_joined_talk": None}, "mentor_joined_talk"),
        ({"student_talk_notes": ""}, "student_talk_notes"),
        ({"result": ""}, "result"),
        ({"result_motivation": ""}, "result_motivation"),
    ],
)
def test_an_incomplete_form_does_not_go_to_the_signatures(
    lio: World, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(ValidationError) as exc:
        filled_in(lio, **changes)
    assert field in exc.value.message_dict
    assert LessonAssessment.objects.get().status == LessonAssessment.Status.ASSESSING


def test_a_fail_with_all_five_met_needs_a_justification(lio: World) -> None:
    with pytest.raises(ValidationError) as exc:
        filled_in(lio, result=LessonAssessment.Result.FAIL)
    assert "all five requirements are met" in exc.value.message_dict["deviation_justification"][0]
    assessment = LessonAssessment.objects.get()
    with travel(VISIT_DAY, 12):
        lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(
                result=LessonAssessment.Result.FAIL,
                deviation_justification="De les liet geen eigen ontwerp zien.",
            ),
            actor=lio.people[Role.ASSESSOR],
        )
        submitted = lesson_assessment_submit(assessment=assessment, actor=lio.people[Role.ASSESSOR])
    assert submitted.status == LessonAssessment.Status.SIGNING


def test_a_pass_with_one_requirement_unmet_needs_a_justification(lio: World) -> None:
    with pytest.raises(ValidationError) as exc:
        filled_in(lio, work_forms_met=False)
    assert (
        "not met needs an explicit justification"
        in (exc.value.message_dict["deviation_justification"][0])
    )


def test_a_result_in_line_with_the_requirements_needs_no_justification(lio: World) -> None:
    assert filled_in(lio).status == LessonAssessment.Status.SIGNING
    LessonAssessment.objects.all().delete()
    failed = filled_in(lio, interactive_met=False, result=LessonAssessment.Result.FAIL)
    assert failed.status == LessonAssessment.Status.SIGNING


def test_submitting_asks_both_assessors_to_sign(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    requests = _requests(assessment)
    assert set(requests) == {Role.ASSESSOR, Role.SCHOOL_TEACHER_EDUCATOR}
    assert requests[Role.ASSESSOR].person == lio.people[Role.ASSESSOR]
    assert set(sign_links()) == {
        lio.people[Role.ASSESSOR].email,
        lio.people[Role.SCHOOL_TEACHER_EDUCATOR].email,
    }


def test_outside_the_partnership_the_qualified_supervisor_signs(lio: World) -> None:
    lio.school.in_partnership = False
    lio.school.save()
    assessment = filled_in(lio)
    assert set(_requests(assessment)) == {Role.ASSESSOR, Role.QUALIFIED_SUPERVISOR}


def test_both_signatures_lock_the_form_and_record_the_credits(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    co_assessor = lio.people[Role.SCHOOL_TEACHER_EDUCATOR]
    co_assessor.user = None  # signs from the personal link, without an account
    co_assessor.save()
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    completed = _both_sign(lio, assessment, django_capture_on_commit_callbacks)
    assert completed.status == LessonAssessment.Status.COMPLETED
    assert completed.pdf
    completed.placement.refresh_from_db()
    assert stage_of_rank(completed.placement.stage_rank) == PipelineStage.ASSESSED
    methods = set(Signature.objects.values_list("method", flat=True))
    assert methods == {Signature.Method.ACCOUNT, Signature.Method.LINK}
    credits = CreditAward.objects.get(student=lio.placement.student)
    assert (credits.credits, credits.assessment, credits.awarded_on) == (9, completed, VISIT_DAY)
    assert lio.people[Role.STUDENT].email in {m.to[0] for m in mail.outbox}
    with travel(VISIT_DAY, 16), pytest.raises(ValidationError) as exc:
        lesson_assessment_form_save(
            assessment=completed,
            data=complete_form(result=LessonAssessment.Result.FAIL),
            actor=lio.people[Role.ASSESSOR],
        )
    assert "locked" in " ".join(exc.value.messages)


def test_the_locked_form_page_changes_nothing(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    _both_sign(lio, assessment, django_capture_on_commit_callbacks)
    url = reverse("assessments:form", args=[assessment.pk])
    with travel(VISIT_DAY, 16):
        client = client_for(lio.people[Role.ASSESSOR])
        response = client.get(url)
        assert response["Location"] == reverse("assessments:detail", args=[assessment.pk])
        client.post(url, {"result": "fail", "action": "save"})
    assert LessonAssessment.objects.get().result == LessonAssessment.Result.PASS


def test_a_fail_records_no_credits(lio: World, django_capture_on_commit_callbacks: Capture) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio, interactive_met=False, result=LessonAssessment.Result.FAIL)
    completed = _both_sign(lio, assessment, django_capture_on_commit_callbacks)
    assert completed.status == LessonAssessment.Status.COMPLETED
    assert not CreditAward.objects.exists()


def test_a_change_after_one_signature_voids_it(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    with travel(VISIT_DAY, 15):
        sign_logged_in(
            client_for(lio.people[Role.ASSESSOR]), assessment, django_capture_on_commit_callbacks
        )
        changed = lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(result_motivation="Scherper geformuleerd."),
            actor=lio.people[Role.ASSESSOR],
        )
    assert changed.status == LessonAssessment.Status.SIGNING
    assert changed.version == 2
    signature = Signature.objects.get()
    assert signature.voided_at is not None
    assert _requests(changed)[Role.ASSESSOR].status == SignatureRequest.Status.PENDING


def test_saving_without_a_change_keeps_the_signature(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        assessment = filled_in(lio)
    with travel(VISIT_DAY, 15):
        sign_logged_in(
            client_for(lio.people[Role.ASSESSOR]), assessment, django_capture_on_commit_callbacks
        )
        same = lesson_assessment_form_save(
            assessment=assessment, data=complete_form(), actor=lio.people[Role.ASSESSOR]
        )
    assert same.version == 1
    assert Signature.objects.get().voided_at is None


def test_while_signing_the_form_stays_complete(lio: World) -> None:
    assessment = filled_in(lio)
    with travel(VISIT_DAY, 15), pytest.raises(ValidationError):
        lesson_assessment_form_save(
            assessment=assessment,
            data=complete_form(result_motivation=""),
            actor=lio.people[Role.ASSESSOR],
        )


def test_the_co_assessor_sends_it_back_to_the_assessor(
    lio: World, django_capture_on_commit_callbacks: Capture
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        filled_in(lio)
    link = sign_links()[lio.people[Role.SCHOOL_TEACHER_EDUCATOR].email]
    mail.outbox.clear()
    with travel(VISIT_DAY, 15), django_capture_on_commit_callbacks(execute=True):
        response = Client().post(
            link, {"action": "send_back", "comment": "Noteer ook de werkvormen."}
        )
    assert response.status_code == 302
    returned = LessonAssessment.objects.get()
    assert returned.status == LessonAssessment.Status.ASSESSING
    assert returned.return_comment == "Noteer ook de werkvormen."
    assert [m.to[0] for m in mail.outbox] == [lio.people[Role.ASSESSOR].email]
    with travel(VISIT_DAY, 16):
        again = lesson_assessment_submit(assessment=returned, actor=lio.people[Role.ASSESSOR])
    assert again.status == LessonAssessment.Status.SIGNING


def test_the_assessor_fills_in_and_submits_from_the_page(lio: World) -> None:
    assessment = schedule(lio)
    data = {
        key: value
        for key, value in complete_form().__dict__.items()
        if value not in (None, False, "")
    }
    data = {key: str(value) if isinstance(value, bool) else value for key, value in data.items()}
    data["mentor_absent"] = "on"
    with travel(VISIT_DAY, 12):
        response = client_for(lio.people[Role.ASSESSOR]).post(
            reverse("assessments:form", args=[assessment.pk]),
            {**data, "mentor_joined_talk": "False", "action": "submit"},
        )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == LessonAssessment.Status.SIGNING
    assert assessment.mentor_joined_talk is False
    assert assessment.self_designed_met is True


def test_an_incomplete_submission_keeps_what_was_typed(lio: World) -> None:
    assessment = schedule(lio)
    with travel(VISIT_DAY, 12):
        response = client_for(lio.people[Role.ASSESSOR]).post(
            reverse("assessments:form", args=[assessment.pk]),
            {"self_designed_note": "Eigen ontwerp.", "action": "submit"},
        )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Eigen ontwerp." in page
    assert "Judge whether the lesson meets this requirement." in page
    assert LessonAssessment.objects.get().status == LessonAssessment.Status.ASSESSING
