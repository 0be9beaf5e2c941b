"""E-mail from templates, in the recipient's language, delivered after the transaction commits."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import deliver_mail


class Recipient(Protocol):
    email: str
    language: str


@dataclass(frozen=True)
class Attachment:
    filename: str
    content: str
    mimetype: str


def mail_send(
    *,
    template: str,
    recipient: Recipient,
    context: Mapping[str, Any],
    attachments: Sequence[Attachment] = (),
) -> None:
    """Render `<template>_subject.txt`, `.txt` and `.html` and queue the mail on commit."""
    language = recipient.language or settings.LANGUAGE_CODE
    full_context = {"site_url": settings.SITE_URL, "recipient": recipient, **context}
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", full_context).split())
        body = render_to_string(f"{template}.txt", full_context)
        html = render_to_string(f"{template}.html", full_context)
    kwargs = {
        "subject": subject,
        "body": body,
        "html": html,
        "to": [recipient.email],
        "attachments": [a.__dict__ for a in attachments],
    }
    transaction.on_commit(lambda: deliver_mail.enqueue(**kwargs))
