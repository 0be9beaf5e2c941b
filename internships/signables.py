"""The internships documents that go through the sign-off mechanism."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from signoffs.registry import SignableKind, register

from .models import Observation, Role, StartApplication
from .services.observations import (
    observation_content,
    observation_content_for_role,
    observation_sign,
)
from .services.start_applications import (
    start_application_content,
    start_application_send_back,
    start_application_sign,
)


def _can_manage_start_application(application: StartApplication, membership: Any) -> bool:
    """The student and the coordinators may re-send or withdraw the signers' links."""
    person = membership.person
    if person is None or person.institution_id != application.placement.student.institution_id:
        return False
    return (
        Role.COORDINATOR in membership.roles or application.placement.student.person_id == person.pk
    )


def register_signables() -> None:
    register(
        SignableKind(
            model=StartApplication,
            content=start_application_content,
            content_template="internships/start_application/_content.html",
            title=lambda application: (
                _("Start application LIO of %(name)s")
                % {"name": application.placement.student.person.full_name}
            ),
            detail_url=lambda application: reverse(
                "internships:start-application-detail", args=[application.pk]
            ),
            sign=start_application_sign,
            send_back=start_application_send_back,
            can_manage=_can_manage_start_application,
        )
    )
    register(
        SignableKind(
            model=Observation,
            content=observation_content,
            content_template="internships/observations/_content.html",
            title=lambda observation: (
                _("Observation of %(name)s") % {"name": observation.placement.student.person}
            ),
            detail_url=lambda observation: reverse(
                "internships:observation-detail", args=[observation.pk]
            ),
            sign=observation_sign,
            send_back=None,
            # The student acknowledges from the observation page; there is no link to manage.
            can_manage=lambda observation, membership: False,
            content_for_role=observation_content_for_role,
        )
    )
