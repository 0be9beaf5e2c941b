"""What the coordinator sets up for the professional product: the institution's lists of
expertise areas and product types, and the phase lengths of each programme."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from internships.models import Institution, Programme, Track

from ..models import ExpertiseArea, ProductSettings, ProductType
from ..product_lists import STANDARD_EXPERTISE_AREAS, STANDARD_PRODUCT_TYPES

CatalogueModel = type[ExpertiseArea] | type[ProductType]
_STANDARD = {ExpertiseArea: STANDARD_EXPERTISE_AREAS, ProductType: STANDARD_PRODUCT_TYPES}


@transaction.atomic
def product_lists_seed(*, institution: Institution) -> int:
    """Add the standard entries (DOMAIN.md) the institution does not have yet; idempotent."""
    added = 0
    for model, names in _STANDARD.items():
        for position, name in enumerate(names, start=1):
            _entry, created = model.objects.get_or_create(
                institution=institution, name=name, defaults={"position": position}
            )
            added += created
    return added


def _clean_name(model: CatalogueModel, institution: Institution, name: str, pk: int | None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError({"name": _("Fill in a name.")})
    duplicates = model.objects.filter(institution=institution, name__iexact=name).exclude(pk=pk)
    if duplicates.exists():
        raise ValidationError({"name": _("This name is already in the list.")})
    return name


@transaction.atomic
def catalogue_entry_add(
    *, model: CatalogueModel, institution: Institution, name: str
) -> ExpertiseArea | ProductType:
    """Add an entry at the end of the institution's list."""
    name = _clean_name(model, institution, name, None)
    last = model.objects.filter(institution=institution).aggregate(last=Max("position"))["last"]
    return model.objects.create(institution=institution, name=name, position=(last or 0) + 1)


@transaction.atomic
def catalogue_entry_rename(
    *, entry: ExpertiseArea | ProductType, name: str
) -> ExpertiseArea | ProductType:
    """Rename an entry; products that use it show the new name."""
    entry.name = _clean_name(type(entry), entry.institution, name, entry.pk)
    entry.save(update_fields=["name"])
    return entry


@transaction.atomic
def catalogue_entry_set_active(
    *, entry: ExpertiseArea | ProductType, active: bool
) -> ExpertiseArea | ProductType:
    """A deactivated entry is no longer offered on the start form; products keep it."""
    entry.active = active
    entry.save(update_fields=["active"])
    return entry


@transaction.atomic
def product_settings_save(
    *, programme: Programme, institution: Institution, phase_1_months: int, phase_2_months: int
) -> ProductSettings:
    """Set the phase lengths of a Dutch-track programme; due dates follow from them."""
    if programme.institution_id != institution.pk:
        raise PermissionDenied
    if programme.track != Track.NL:
        raise ValidationError(_("Only programmes of the Dutch track have a professional product."))
    settings, _created = ProductSettings.objects.get_or_create(programme=programme)
    settings.phase_1_months = phase_1_months
    settings.phase_2_months = phase_2_months
    settings.full_clean()
    settings.save()
    return settings
