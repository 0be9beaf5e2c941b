"""The e-mails of the assessment lesson; each goes out after the transaction commits."""

from collections.abc import Iterable

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from internships.models import Person, Role
from lio_portal.mail import Attachment, mail_send

from ..ics import REQUEST, appointment_ics, appointment_people
from ..models import LessonAssessment

ICS_FILENAME = "lio-assessment.ics"


def assessment_url(assessment: LessonAssessment) -> str:
    return settings.SITE_URL + reverse("assessments:detail", args=[assessment.pk])


def appointment_send(
    *,
    assessment: LessonAssessment,
    method: str,
    change: str,
    people: Iterable[Person] | None = None,
) -> None:
    """Mail the appointment with an .ics to everyone involved (or to `people`).

    `change` is "new", "changed" or "cancelled"; the .ics is built in each recipient's language.
    """
    now = timezone.now()
    recipients = (
        list(people) if people is not None else [p for p, _part in appointment_people(assessment)]
    )
    for person in recipients:
        with translation.override(person.language or settings.LANGUAGE_CODE):
            ics = appointment_ics(assessment=assessment, method=method, now=now)
        mail_send(
            template="assessments/email/appointment",
            recipient=person,
            context={
                "assessment": assessment,
                "change": change,
                "cancelled": method != REQUEST,
                "is_mentor": person.pk == assessment.placement.mentor_id,
                "url": assessment_url(assessment) if person.user_id else "",
            },
            attachments=[Attachment(ICS_FILENAME, ics, "text/calendar")],
        )


def proposal_send(*, assessment: LessonAssessment) -> None:
    """Tell the coordinators that a student proposed a visit for them to confirm."""
    coordinators = Person.objects.filter(
        institution=assessment.placement.student.institution_id,
        role_assignments__role=Role.COORDINATOR,
    ).distinct()
    for coordinator in coordinators:
        mail_send(
            template="assessments/email/proposed",
            recipient=coordinator,
            context={"assessment": assessment, "url": assessment_url(assessment)},
        )


def proposal_declined_send(*, assessment: LessonAssessment) -> None:
    mail_send(
        template="assessments/email/declined",
        recipient=assessment.placement.student.person,
        context={"assessment": assessment, "url": assessment_url(assessment)},
    )


def sent_back_send(*, assessment: LessonAssessment, by: Person, comment: str) -> None:
    """The co-assessor sent the form back: the assessor changes it."""
    assert assessment.assessor is not None
    mail_send(
        template="assessments/email/sent_back",
        recipient=assessment.assessor,
        context={
            "assessment": assessment,
            "by": by,
            "comment": comment,
            "url": assessment_url(assessment),
        },
    )


def result_send(*, assessment: LessonAssessment) -> None:
    """Both have signed: the student may now see the result."""
    mail_send(
        template="assessments/email/result",
        recipient=assessment.placement.student.person,
        context={"assessment": assessment, "url": assessment_url(assessment)},
    )
