"""The coordinator's set-up of the professional product: the lists of expertise areas and
product types, and the phase lengths per programme."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from internships.models import Role
from internships.permissions import role_required

from ..forms_product import CatalogueEntryForm, ProductSettingsForm
from ..models import ExpertiseArea, ProductSettings, ProductType
from ..selectors_product import catalogue_of, dutch_programmes_with_settings
from ..services import (
    catalogue_entry_add,
    catalogue_entry_rename,
    catalogue_entry_set_active,
    product_lists_seed,
    product_settings_save,
)
from ._common import membership_of

LISTS = {
    "areas": (ExpertiseArea, gettext_lazy("Expertise areas"), gettext_lazy("New expertise area")),
    "types": (ProductType, gettext_lazy("Product types"), gettext_lazy("New product type")),
}


def _institution_id(request: HttpRequest) -> int:
    person = membership_of(request).person
    assert person is not None
    return person.institution_id


def _model(kind: str) -> type[ExpertiseArea] | type[ProductType]:
    if kind not in LISTS:
        raise Http404
    return LISTS[kind][0]


def _add_form(kind: str, data: object = None) -> CatalogueEntryForm:
    form = CatalogueEntryForm(data, auto_id=f"id_{kind}_%s")
    form.fields["name"].label = LISTS[kind][2]
    return form


def _setup_page(request: HttpRequest, **bound: object) -> HttpResponse:
    institution_id = _institution_id(request)
    lists = [
        {
            "kind": kind,
            "label": label,
            "entries": catalogue_of(model, institution_id),
            "form": bound.get(f"{kind}_form") or _add_form(kind),
        }
        for kind, (model, label, _new) in LISTS.items()
    ]
    programmes = [
        {
            "programme": programme,
            "form": bound.get(f"programme_{programme.pk}")
            or ProductSettingsForm(
                instance=getattr(programme, "product_settings", None) or ProductSettings(),
                auto_id=f"id_programme_{programme.pk}_%s",
            ),
        }
        for programme in dutch_programmes_with_settings(institution_id)
    ]
    return render(
        request, "portfolio/product/setup.html", {"lists": lists, "programmes": programmes}
    )


@role_required(Role.COORDINATOR)
def setup(request: HttpRequest) -> HttpResponse:
    return _setup_page(request)


@require_POST
@role_required(Role.COORDINATOR)
def lists_seed(request: HttpRequest) -> HttpResponse:
    added = product_lists_seed(institution=membership_of(request).institution)  # type: ignore[arg-type]
    messages.success(request, _("%(count)s standard entries added.") % {"count": added})
    return redirect("portfolio:product-setup")


@require_POST
@role_required(Role.COORDINATOR)
def entry_add(request: HttpRequest, kind: str) -> HttpResponse:
    model = _model(kind)
    form = _add_form(kind, request.POST)
    if form.is_valid():
        try:
            catalogue_entry_add(
                model=model,
                institution=membership_of(request).institution,  # type: ignore[arg-type]
                name=form.cleaned_data["name"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Added to the list."))
            return redirect("portfolio:product-setup")
    return _setup_page(request, **{f"{kind}_form": form})


@role_required(Role.COORDINATOR)
def entry_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Rename an entry of the institution's list."""
    entry = get_object_or_404(_model(kind), pk=pk, institution=_institution_id(request))
    form = CatalogueEntryForm(request.POST or None, initial={"name": entry.name})
    if request.method == "POST" and form.is_valid():
        try:
            catalogue_entry_rename(entry=entry, name=form.cleaned_data["name"])
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The name has been changed."))
            return redirect("portfolio:product-setup")
    return render(
        request,
        "portfolio/product/entry_form.html",
        {"entry": entry, "form": form, "list_label": LISTS[kind][1]},
    )


@require_POST
@role_required(Role.COORDINATOR)
def entry_toggle(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Deactivate an entry (no longer offered on the start form) or activate it again."""
    entry = get_object_or_404(_model(kind), pk=pk, institution=_institution_id(request))
    catalogue_entry_set_active(entry=entry, active=not entry.active)
    if entry.active:
        messages.success(request, _("%(name)s is offered again.") % {"name": entry.name})
    else:
        messages.success(request, _("%(name)s is no longer offered.") % {"name": entry.name})
    return redirect("portfolio:product-setup")


@require_POST
@role_required(Role.COORDINATOR)
def programme_settings(request: HttpRequest, pk: int) -> HttpResponse:
    """Set the phase lengths of one Dutch-track programme."""
    programme = get_object_or_404(dutch_programmes_with_settings(_institution_id(request)), pk=pk)
    form = ProductSettingsForm(
        request.POST,
        instance=getattr(programme, "product_settings", None) or ProductSettings(),
        auto_id=f"id_programme_{programme.pk}_%s",
    )
    if form.is_valid():
        try:
            product_settings_save(
                programme=programme,
                institution=membership_of(request).institution,  # type: ignore[arg-type]
                **form.cleaned_data,
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The phase lengths have been saved."))
            return redirect("portfolio:product-setup")
    return _setup_page(request, **{f"programme_{programme.pk}": form})
