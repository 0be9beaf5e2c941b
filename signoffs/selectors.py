"""Where a document stands: who signed, who still has to, since when; and its history."""

from dataclasses import dataclass, field
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import models

from internships.models import Role

from .hashing import verification_code
from .models import Signature, SignatureRequest, SignOffEvent


@dataclass
class SignerRow:
    request: SignatureRequest
    role_label: str
    signature: Signature | None = None
    voided: list[Signature] = field(default_factory=list)

    @property
    def waiting_since(self) -> datetime | None:
        pending = self.request.status == SignatureRequest.Status.PENDING
        return self.request.requested_at if pending else None


@dataclass
class SignOffStatus:
    rows: list[SignerRow]
    events: list[SignOffEvent]

    @property
    def valid_signatures(self) -> list[Signature]:
        return [row.signature for row in self.rows if row.signature]

    @property
    def complete(self) -> bool:
        return bool(self.rows) and all(row.signature for row in self.rows)

    def verification_code(self, content_hash: str) -> str:
        parts = [content_hash] + [
            f"{s.role}:{s.signer_id}:{s.signed_at.isoformat()}:{s.content_hash}"
            for s in self.valid_signatures
        ]
        return verification_code(parts)

    def request_of(self, person_id: int | None) -> SignatureRequest | None:
        for row in self.rows:
            pending = row.request.status == SignatureRequest.Status.PENDING
            if pending and row.request.person_id == person_id:
                return row.request
        return None


def role_label(role: str) -> str:
    return str(Role(role).label) if role in Role.values else role


def signoff_status(document: models.Model) -> SignOffStatus:
    """Three queries, whatever the number of signers."""
    of = {"content_type": ContentType.objects.get_for_model(document), "object_id": document.pk}
    requests = list(
        SignatureRequest.objects.filter(**of)
        .exclude(status=SignatureRequest.Status.CANCELLED)
        .select_related("person")
    )
    rows = {r.pk: SignerRow(request=r, role_label=role_label(r.role)) for r in requests}
    for signature in Signature.objects.filter(**of, request__in=rows):
        row = rows[signature.request_id]
        if signature.voided_at is None:
            row.signature = signature
        else:
            row.voided.append(signature)
    events = list(SignOffEvent.objects.filter(**of).select_related("actor"))
    return SignOffStatus(rows=list(rows.values()), events=events)
