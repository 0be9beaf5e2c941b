"""The sign-off mechanism, generic over the document being signed.

A document (start application, observation, evaluation form, assessment …) asks people to sign
in a role: one `SignatureRequest` each. A `Signature` records who signed, when, how and a hash of
the content signed; changing the document voids the signatures (kept, marked voided). People
without an account act through a `PersonalLink`: single purpose, expiring, revocable.
Every step is an append-only `SignOffEvent`.
"""

from datetime import datetime

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.history import audited
from internships.models import Person


class DocumentMixin(models.Model):
    """Generic link to the document a sign-off row belongs to."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    document = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True


class SignatureRequest(DocumentMixin):
    class Status(models.TextChoices):
        PENDING = "pending", _("To sign")
        SIGNED = "signed", _("Signed")
        RETURNED = "returned", _("Sent back")
        CANCELLED = "cancelled", _("Cancelled")

    role = models.CharField(_("signs as"), max_length=40)
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        related_name="signature_requests",
        verbose_name=_("signer"),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    acted_at = models.DateTimeField(_("acted at"), null=True, blank=True)
    last_reminded_at = models.DateTimeField(_("last reminder"), null=True, blank=True)
    reminder_count = models.PositiveSmallIntegerField(_("reminders sent"), default=0)
    comment = models.TextField(_("comment"), blank=True)

    history = audited()

    class Meta:
        verbose_name = _("signature request")
        verbose_name_plural = _("signature requests")
        ordering = ["requested_at", "pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"]),
            # Few requests are pending at a time: the dashboard's late signatures read these.
            # Not ordered by date: PostgreSQL would then walk it in date order, one lookup of
            # the document per request, where a hash join over all of them is cheaper.
            models.Index(
                fields=["content_type", "object_id"],
                condition=Q(status="pending"),
                name="signoffs_request_pending",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "role"],
                condition=~Q(status="cancelled"),
                name="signoffs_one_open_request_per_role",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.role}): {self.get_status_display()}"


class Signature(DocumentMixin):
    class Method(models.TextChoices):
        ACCOUNT = "account", _("logged in")
        LINK = "link", _("personal e-mail link")

    request = models.ForeignKey(
        SignatureRequest, on_delete=models.PROTECT, related_name="signatures"
    )
    role = models.CharField(_("signed as"), max_length=40)
    signer = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="signatures", verbose_name=_("signer")
    )
    signer_name = models.CharField(_("name at signing"), max_length=200)
    method = models.CharField(_("how"), max_length=10, choices=Method.choices)
    signed_at = models.DateTimeField(_("signed at"), default=timezone.now)
    content_hash = models.CharField(_("SHA-256 of the signed content"), max_length=64)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)
    void_reason = models.CharField(_("reason voided"), max_length=200, blank=True)

    history = audited()

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["signed_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            # A double click or two racing requests can never leave two valid signatures.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(voided_at__isnull=True),
                name="signoffs_one_valid_signature_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.signer_name} ({self.role}) {self.signed_at:%Y-%m-%d %H:%M}"

    @property
    def is_valid(self) -> bool:
        return self.voided_at is None


class PersonalLink(DocumentMixin):
    """A personal e-mail link for one person, one purpose and one document.

    Only a SHA-256 of the token is stored: a leaked database does not leak working links.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="personal_links")
    purpose = models.CharField(_("purpose"), max_length=40)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    history = audited(excluded_fields=["token_hash", "last_used_at"])

    class Meta:
        verbose_name = _("personal link")
        verbose_name_plural = _("personal links")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.person} · {self.purpose}"

    def is_usable(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at


class SignOffEvent(DocumentMixin):
    """Append-only history of a document: who did what, when."""

    class Action(models.TextChoices):
        CREATED = "created", _("created")
        EDITED = "edited", _("changed")
        SUBMITTED = "submitted", _("submitted for signatures")
        SIGNED = "signed", _("signed")
        RETURNED = "returned", _("sent back")
        VOIDED = "voided", _("signatures voided")
        LINK_SENT = "link_sent", _("link sent")
        LINK_REVOKED = "link_revoked", _("link revoked")
        REMINDED = "reminded", _("reminder sent")
        COMPLETED = "completed", _("all signatures complete")
        CONFIRMED = "confirmed", _("confirmed")

    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    detail = models.TextField(_("detail"), blank=True)
    created_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        verbose_name = _("history entry")
        verbose_name_plural = _("history")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "created_at"])]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.get_action_display()}"
