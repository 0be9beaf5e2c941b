"""Which kinds of document can be signed, and what the generic views need to know about them.

Each app registers its signable documents in `AppConfig.ready()`; the generic link page, the
status panel, the hash verification and the reminders work from this registry.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class SignableKind:
    model: type[models.Model]
    # Canonical content of the document: what a signature's hash covers.
    content: Callable[[Any], dict[str, Any]]
    # A partial that shows the document read-only (context: `document`).
    content_template: str
    title: Callable[[Any], str]
    # Where people with an account follow the document.
    detail_url: Callable[[Any], str]
    # Document-specific transitions, called by the generic views:
    # sign(document=, request=, signer=, method=, content_hash=) and
    # send_back(document=, request=, signer=, comment=); None when the document cannot be sent
    # back (the page then offers no such option).
    sign: Callable[..., Any]
    send_back: Callable[..., Any] | None
    # May this member re-send or withdraw the signers' links (e.g. the student, a coordinator)?
    can_manage: Callable[[Any, Any], bool]


_KINDS: dict[type[models.Model], SignableKind] = {}


def register(kind: SignableKind) -> None:
    _KINDS[kind.model] = kind


def kind_for(document: models.Model) -> SignableKind:
    return _KINDS[type(document)]


def registered_kinds() -> list[SignableKind]:
    return list(_KINDS.values())
