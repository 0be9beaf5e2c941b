"""The visit as an iCalendar appointment (RFC 5546): one UID per assessment, SEQUENCE raised
on every change, METHOD:CANCEL when it is called off."""

from datetime import datetime
from email.utils import parseaddr

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress

from internships.models import Person

from .models import LessonAssessment

PRODID = "-//LIO-portaal//LIO assessment lesson//NL"
REQUEST, CANCEL = "REQUEST", "CANCEL"


def appointment_uid(assessment: LessonAssessment) -> str:
    return f"lio-assessment-{assessment.pk}@lio-portal"


def appointment_people(assessment: LessonAssessment) -> list[tuple[Person, str]]:
    """Everyone involved, with their part: the mentor only for information."""
    people = [
        (assessment.placement.student.person, "REQ-PARTICIPANT"),
        (assessment.assessor, "REQ-PARTICIPANT"),
        (assessment.co_assessor, "REQ-PARTICIPANT"),
        (assessment.placement.mentor, "NON-PARTICIPANT"),
    ]
    seen: set[int] = set()
    result = []
    for person, part in people:
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            result.append((person, part))
    return result


def appointment_ics(*, assessment: LessonAssessment, method: str, now: datetime) -> str:
    """The appointment in the active language (render it in the recipient's language)."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", method)
    calendar.add_component(_event(assessment, method, now))
    calendar.add_missing_timezones()
    return calendar.to_ical().decode()


def _event(assessment: LessonAssessment, method: str, now: datetime) -> Event:
    placement = assessment.placement
    school = placement.school
    zone = timezone.get_default_timezone()
    event = Event()
    event.add("uid", appointment_uid(assessment))
    event.add("sequence", assessment.ics_sequence)
    event.add("dtstamp", now)
    event.add("dtstart", datetime.combine(assessment.date, assessment.start_time, tzinfo=zone))
    event.add("dtend", datetime.combine(assessment.date, assessment.end_time, tzinfo=zone))
    event.add(
        "summary",
        _("LIO assessment lesson of %(name)s") % {"name": placement.student.person.full_name},
    )
    event.add("location", ", ".join(p for p in (school.name, school.street, school.city) if p))
    event.add("description", _description(assessment))
    event.add("status", "CANCELLED" if method == CANCEL else "CONFIRMED")
    event.add("organizer", _organizer(placement.student.institution.contact_email))
    for person, part in appointment_people(assessment):
        address = vCalAddress(f"mailto:{person.email}")
        address.params["CN"] = person.full_name
        address.params["ROLE"] = part
        event.add("attendee", address)
    return event


def _description(assessment: LessonAssessment) -> str:
    lines = [
        _("Class: %(class)s") % {"class": assessment.class_name},
        _("Assessor: %(name)s") % {"name": assessment.assessor or "—"},
        _("Co-assessor: %(name)s") % {"name": assessment.co_assessor or "—"},
        _(
            "The mentor is not in the classroom during the lesson and may join the assessors' "
            "post-lesson talk to inform."
        ),
    ]
    return "\n".join(lines)


def _organizer(contact_email: str) -> vCalAddress:
    email = contact_email or parseaddr(settings.DEFAULT_FROM_EMAIL)[1]
    organizer = vCalAddress(f"mailto:{email}")
    organizer.params["CN"] = _("LIO portal")
    return organizer
