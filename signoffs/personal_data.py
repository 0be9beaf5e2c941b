"""Personal records of the sign-off: signatures, requests, personal links and events.

These rows point at their document generically (content type and id), so the documents of a
student are found through the sections of the signable models (signoffs.registry).
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from internships.models import StudentProfile
from privacy.registry import Section, Subject, by, register, section_for

from .models import PersonalLink, Signature, SignatureRequest, SignOffEvent
from .registry import registered_kinds


def documents_of(students: QuerySet[Any]) -> Q:
    """Rows about a signable document (start application, observation, …) of these students."""
    query = Q(pk__in=[])
    for kind in registered_kinds():
        section = section_for(kind.model)
        if section is None or section.owner is None:
            continue
        documents = kind.model._default_manager.filter(section.owner(students)).values("pk")
        content_type = ContentType.objects.get_for_model(kind.model)
        query |= Q(content_type=content_type, object_id__in=documents)
    return query


RETENTION_VOID_REASON = "Anonymised after the retention period"


def _void_signatures(signatures: QuerySet[Signature]) -> int:
    """The signed content is anonymised, so its hash no longer matches: void, do not delete."""
    return signatures.filter(voided_at__isnull=True).update(
        voided_at=timezone.now(), void_reason=RETENTION_VOID_REASON
    )


def _own_documents_or(*lookups: str) -> Subject:
    """The person's rows, and those about the documents of the person as a student."""

    def subject(person: Any) -> Q:
        return by(*lookups)(person) | documents_of(StudentProfile.objects.filter(person=person))

    return subject


def register_personal_data() -> None:
    """Called by the privacy app on start-up."""
    document = ("content_type__app_label", "content_type__model", "object_id")
    register(
        Section(
            name="signatures",
            model=Signature,
            description=_("Signatures given, and those on the person's own documents."),
            subject=_own_documents_or("signer"),
            fields=(
                *document,
                "role",
                "signer_name",
                "method",
                "signed_at",
                "content_hash",
                "voided_at",
                "void_reason",
            ),
            people=("signer",),
            owner=documents_of,
            person_copies=(("signer", ("signer_name",)),),
            on_expiry=_void_signatures,
        )
    )
    register(
        Section(
            name="signature_requests",
            model=SignatureRequest,
            description=_("Requests to sign, with the signer's comment."),
            subject=_own_documents_or("person"),
            fields=(
                *document,
                "role",
                "status",
                "requested_at",
                "acted_at",
                "reminder_count",
                "comment",
            ),
            people=("person",),
            owner=documents_of,
            free_text=("comment",),
        )
    )
    register(
        Section(
            name="personal_links",
            model=PersonalLink,
            description=_("Personal links sent by e-mail (without their secret)."),
            subject=by("person"),
            fields=(*document, "purpose", "created_at", "expires_at", "revoked_at", "last_used_at"),
            owner=documents_of,
        )
    )
    register(
        Section(
            name="sign_off_events",
            model=SignOffEvent,
            description=_("What happened to the documents, by whom."),
            subject=_own_documents_or("actor"),
            fields=(*document, "action", "detail", "created_at"),
            people=("actor",),
            owner=documents_of,
            free_text=("detail",),
        )
    )
