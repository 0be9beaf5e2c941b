"""Background tasks shared by the apps (immediate in development, queued in production)."""

from typing import Any

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def deliver_mail(
    *, subject: str, body: str, html: str, to: list[str], attachments: list[dict[str, Any]]
) -> None:
    """Send one already-rendered e-mail; a slow mail server delays only the worker."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    for attachment in attachments:
        message.attach(attachment["filename"], attachment["content"], attachment["mimetype"])
    message.send()
