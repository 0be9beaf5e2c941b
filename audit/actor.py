"""Who acted, on every historical row: the person behind the request.

A signed-in user is the person of their membership; someone acting from a personal e-mail
link has no account, so `link_holder_acts` (called when a link is opened) names them on the
request. Outside a request (daily jobs, commands) nobody is recorded: the system acted.
"""

from typing import Any

from django.dispatch import receiver
from django.http import HttpRequest
from simple_history.models import HistoricalRecords
from simple_history.signals import pre_create_historical_record

from internships.models import Person

_LINK_PERSON = "audit_link_person"


def _current_request() -> HttpRequest | None:
    return getattr(HistoricalRecords.context, "request", None)


def link_holder_acts(*, person: Person) -> None:
    """Record that the holder of a personal link acts in the current request."""
    request = _current_request()
    if request is not None:
        setattr(request, _LINK_PERSON, person)


def acting_person(request: HttpRequest) -> Person | None:
    """The link holder of this request if there is one, else the signed-in user's person."""
    person: Person | None = getattr(request, _LINK_PERSON, None)
    if person is not None:
        return person
    membership = getattr(request, "membership", None)
    return getattr(membership, "person", None) if membership is not None else None


@receiver(pre_create_historical_record)
def _record_person(sender: type, history_instance: Any, **kwargs: Any) -> None:
    request = _current_request()
    if request is not None and hasattr(history_instance, "history_person_id"):
        person = acting_person(request)
        history_instance.history_person_id = person.pk if person is not None else None
