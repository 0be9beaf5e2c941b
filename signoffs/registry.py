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
    # Canonical content of the whole document: what the page shows and a signer confirms seeing.
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
    # content_for_role(document, role): what a signer in that role covers, when it is less than
    # the whole document (e.g. a part written after that signer signed); None: the whole.
    content_for_role: Callable[[Any, str], dict[str, Any]] | None = None


_KINDS: dict[type[models.Model], SignableKind] = {}


def register(kind: SignableKind) -> None:
    _KINDS[kind.model] = kind


def kind_for(document: models.Model) -> SignableKind:
    return _KINDS[type(document)]


def signed_content(document: models.Model, role: str | None = None) -> dict[str, Any]:
    """The content a signature in `role` covers: each signature covers what its signer signed.

    Without a role (or for a kind without `content_for_role`) it is the whole document.
    """
    kind = kind_for(document)
    if role is None or kind.content_for_role is None:
        return kind.content(document)
    return kind.content_for_role(document, role)


def registered_kinds() -> list[SignableKind]:
    return list(_KINDS.values())
