"""`audited()`: the history every audited model declares (`history = audited()`)."""

from simple_history.models import HistoricalRecords

from .models import HistoryActor


def audited(*, excluded_fields: list[str] | None = None) -> HistoricalRecords:
    """Keep a row per change with who acted (account and person); `excluded_fields` are caches
    and secrets that do not belong in the history (PDF renderings, token hashes)."""
    return HistoricalRecords(bases=[HistoryActor], excluded_fields=excluded_fields or [])


def is_audited(model: type) -> bool:
    """True for a model with `history = audited()` (simple-history registers it on `_meta`)."""
    return hasattr(model._meta, "simple_history_manager_attribute")  # type: ignore[attr-defined]


def audited_field_names(model: type) -> frozenset[str]:
    """The names of the model's fields its history keeps (all but `excluded_fields`)."""
    history_model = getattr(model, model._meta.simple_history_manager_attribute).model  # type: ignore[attr-defined]
    kept = {field.attname for field in history_model._meta.fields}
    return frozenset(f.name for f in model._meta.concrete_fields if f.attname in kept)  # type: ignore[attr-defined]
