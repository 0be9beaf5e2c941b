"""Personal e-mail links: one person, one purpose, one document; expiring and revocable."""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.actor import link_holder_acts
from internships.models import Person

from .models import PersonalLink

SIGN = "sign"


class LinkError(Exception):
    """A link that cannot be used, with the reason to show."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def link_issue(
    *,
    person: Person,
    purpose: str,
    document: models.Model,
    now: datetime | None = None,
    max_age_days: int | None = None,
) -> str:
    """Create a link and return its token; only the token's hash is stored.

    Links expire after `max_age_days`, by default the signing links' SIGNATURE_LINK_MAX_AGE_DAYS.
    """
    now = now or timezone.now()
    if max_age_days is None:
        max_age_days = settings.SIGNATURE_LINK_MAX_AGE_DAYS
    token = secrets.token_urlsafe(32)
    PersonalLink.objects.create(
        person=person,
        purpose=purpose,
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        token_hash=_hash(token),
        created_at=now,
        expires_at=now + timedelta(days=max_age_days),
    )
    return token


def link_resolve(*, token: str, purpose: str, now: datetime | None = None) -> PersonalLink:
    """The link behind a token, if it may be used for `purpose` now."""
    now = now or timezone.now()
    link = (
        PersonalLink.objects.select_related("person__institution", "content_type")
        .filter(token_hash=_hash(token))
        .first()
    )
    if link is None or link.purpose != purpose:
        raise LinkError(_("This link is not valid."))
    if link.revoked_at is not None:
        raise LinkError(_("This link has been withdrawn. Ask for a new one."))
    if now >= link.expires_at:
        raise LinkError(_("This link has expired. Ask for a new one."))
    # The last use is bookkeeping, not a change of the link: no history row for it.
    link.last_used_at = now
    link.save_without_historical_record(update_fields=["last_used_at"])
    link_holder_acts(person=link.person)
    return link


def links_revoke(*, document: models.Model, person: Person, purpose: str) -> int:
    """Withdraw every usable link of this person for this document and purpose."""
    links = PersonalLink.objects.filter(
        content_type=ContentType.objects.get_for_model(document),
        object_id=document.pk,
        person=person,
        purpose=purpose,
        revoked_at__isnull=True,
    )
    now = timezone.now()
    revoked = 0
    for link in links:
        link.revoked_at = now
        link.save(update_fields=["revoked_at"])
        revoked += 1
    return revoked
