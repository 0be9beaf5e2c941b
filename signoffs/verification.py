"""Recompute what every valid signature covers and compare it with the hash stored at signing.

A signature stores the SHA-256 of the canonical content its signer's role covers
(`signoffs.registry.signed_content`): the whole document, or less when a part is written after
that signer signed (an observation's student response is not the mentor's). The app voids
signatures whenever it changes a signed document, so a valid signature whose hash no longer
matches means the record was changed behind the app's back (or a document vanished).
"""

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import Signature
from .services import document_hash


@dataclass(frozen=True)
class Mismatch:
    signature: Signature
    document_label: str
    reason: str


@dataclass(frozen=True)
class VerificationReport:
    checked: int
    mismatches: list[Mismatch]


def signatures_verify() -> VerificationReport:
    """Check every valid signature; voided ones legitimately cover an older version."""
    by_document: dict[tuple[int, int], list[Signature]] = defaultdict(list)
    valid = Signature.objects.filter(voided_at__isnull=True).select_related("signer")
    for signature in valid.order_by("content_type_id", "object_id", "pk"):
        by_document[(signature.content_type_id, signature.object_id)].append(signature)
    mismatches: list[Mismatch] = []
    for (content_type_id, object_id), signatures in by_document.items():
        mismatches.extend(_check_document(content_type_id, object_id, signatures))
    checked = sum(len(signatures) for signatures in by_document.values())
    return VerificationReport(checked=checked, mismatches=mismatches)


def _check_document(
    content_type_id: int, object_id: int, signatures: list[Signature]
) -> Iterator[Mismatch]:
    content_type = ContentType.objects.get_for_id(content_type_id)
    label = f"{content_type.app_label}.{content_type.model} #{object_id}"
    document = _document(content_type, object_id)
    if document is None:
        for signature in signatures:
            yield Mismatch(signature, label, "document missing")
        return
    current: dict[str, str] = {}
    for signature in signatures:
        if signature.role not in current:
            current[signature.role] = document_hash(document, signature.role)
        if signature.content_hash != current[signature.role]:
            yield Mismatch(signature, label, "content changed since signing")


def _document(content_type: ContentType, object_id: int) -> models.Model | None:
    model = content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=object_id).first()
