"""SHA-256 over a canonical form of a document's content."""

import hashlib
import json
from typing import Any


def canonical_json(content: dict[str, Any]) -> str:
    """Stable text for the same content: sorted keys, no spacing, dates and decimals as text."""
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    )


def content_hash(content: dict[str, Any]) -> str:
    return hashlib.sha256(canonical_json(content).encode()).hexdigest()


def verification_code(parts: list[str]) -> str:
    """A short code printed on a PDF, derived from the content hash and the signatures."""
    digest = hashlib.sha256("|".join(parts).encode()).hexdigest()[:12].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))
