"""The mentor link: a personal e-mail link to one placement for a mentor without an account.

From it the mentor sees the month strip and the observations of that one placement, records and
signs off observations and (track NL) confirms LIO days. It opens nothing else. The student or
a coordinator sends it (again) and withdraws it; it expires after MENTOR_LINK_MAX_AGE_DAYS.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from lio_portal.mail import mail_send
from signoffs import services as signoffs
from signoffs.links import LinkError, link_issue, link_resolve, links_revoke
from signoffs.models import PersonalLink, SignOffEvent

from ..models import Person, Placement
from ..selectors import placement_queryset

MENTOR = "mentor"


def mentor_link_issue(*, placement: Placement, mentor: Person) -> str:
    """A new link for the placement's mentor (earlier links stay valid); returns its URL."""
    token = link_issue(
        person=mentor,
        purpose=MENTOR,
        document=placement,
        max_age_days=settings.MENTOR_LINK_MAX_AGE_DAYS,
    )
    return settings.SITE_URL + reverse("internships:mentor-page", args=[token])


@transaction.atomic
def mentor_link_send(*, placement: Placement, actor: Person) -> None:
    """Withdraw the mentor's earlier links to this placement and mail a new one."""
    mentor = placement.mentor
    if mentor is None:
        raise ValidationError(_("This placement has no mentor yet."))
    links_revoke(document=placement, person=mentor, purpose=MENTOR)
    url = mentor_link_issue(placement=placement, mentor=mentor)
    mail_send(
        template="internships/email/mentor_link",
        recipient=mentor,
        context={
            "placement": placement,
            "link": url,
            "expires_in_days": settings.MENTOR_LINK_MAX_AGE_DAYS,
        },
    )
    signoffs.event_log(
        document=placement, action=SignOffEvent.Action.LINK_SENT, actor=actor, detail=str(mentor)
    )


@transaction.atomic
def mentor_link_revoke(*, placement: Placement, actor: Person) -> int:
    """Withdraw every link of the placement's mentor (and of earlier mentors) to it."""
    revoked = 0
    for person_id in _link_holders(placement):
        revoked += links_revoke(document=placement, person=Person(pk=person_id), purpose=MENTOR)
    if revoked:
        signoffs.event_log(document=placement, action=SignOffEvent.Action.LINK_REVOKED, actor=actor)
    return revoked


def _link_holders(placement: Placement) -> set[int]:
    return set(
        PersonalLink.objects.filter(
            content_type=ContentType.objects.get_for_model(Placement),
            object_id=placement.pk,
            purpose=MENTOR,
            revoked_at__isnull=True,
        ).values_list("person_id", flat=True)
    )


def mentor_link_open(*, token: str) -> tuple[Person, Placement]:
    """The mentor and the one placement a mentor link opens.

    Raises LinkError when the link is unknown, withdrawn or expired, or when its holder is no
    longer the placement's mentor.
    """
    link = link_resolve(token=token, purpose=MENTOR)
    if link.content_type_id != ContentType.objects.get_for_model(Placement).pk:
        raise LinkError(_("This link is not valid."))
    placement = placement_queryset().filter(pk=link.object_id).first()
    if placement is None or placement.status == Placement.Status.CANCELLED:
        raise LinkError(_("This link is not valid."))
    if placement.mentor_id != link.person_id:
        raise LinkError(_("You are no longer the mentor of this student."))
    return link.person, placement
