"""The student's LIO days as an iCalendar feed: all-day events for planned and logged days.

Only the student's own days go in: no notes, no other people.
"""

from datetime import date, datetime, timedelta

from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .selectors_days import DayLog

_ONE_DAY = timedelta(days=1)
PRODID = "-//LIO-portaal//LIO days//NL"


def lio_calendar(*, log: DayLog, now: datetime) -> bytes:
    """Build the feed; render it inside `translation.override(<the student's language>)`."""
    placement = log.placement
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", _("LIO at %(school)s") % {"school": placement.school.name})
    planned = log.progress.plan.counted_days if log.progress.plan else []
    logged = {day.date: day for day in log.days}
    for day in sorted(set(planned) | set(logged)):
        lio_day = logged.get(day)
        if lio_day is None:
            summary = _("LIO day (planned)")
        elif lio_day.is_confirmed:
            summary = _("LIO: %(kind)s (confirmed)") % {"kind": lio_day.get_kind_display()}
        else:
            summary = _("LIO: %(kind)s") % {"kind": lio_day.get_kind_display()}
        calendar.add_component(_event(placement.pk, day, summary, placement.school.name, now))
    return calendar.to_ical()


def _event(placement_id: int, day: date, summary: str, location: str, now: datetime) -> Event:
    event = Event()
    event.add("uid", f"lio-{placement_id}-{day.isoformat()}@lio-portal")
    event.add("dtstamp", now)
    event.add("dtstart", day)
    event.add("dtend", day + _ONE_DAY)
    event.add("summary", summary)
    event.add("location", location)
    event.add("transp", "OPAQUE")
    return event
