"""The filters of the coordinator's student list (a GET form: invalid values are ignored)."""

from typing import Any

from django import forms
from django.db.models.functions import Lower
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from ..actions import action_providers
from ..models import Institution, Person, Programme, Region, Role, School, SchoolYear, Track
from ..pipeline import PipelineStage
from ..selectors_students import NEEDS_ANY, SORTS, StudentFilter

_ALL = [("", _("All"))]


def _option(value: object, label: object, current: str) -> SafeString:
    if str(value) == current:
        return format_html('<option value="{}" selected>{}</option>', value, label)
    return format_html('<option value="{}">{}</option>', value, label)


def _ids(choices: list[tuple[int, str]]) -> list[tuple[str, str]]:
    return [(str(pk), label) for pk, label in choices]


class StudentFilterForm(forms.Form):
    year = forms.TypedChoiceField(label=_("School year"), coerce=int, required=False)
    q = forms.CharField(label=_("Name or student number"), required=False, max_length=100)
    programme = forms.TypedChoiceField(label=_("Programme"), coerce=int, required=False)
    track = forms.ChoiceField(label=_("Track"), choices=_ALL + Track.choices, required=False)
    school = forms.TypedChoiceField(label=_("School"), coerce=int, required=False)
    region = forms.ChoiceField(label=_("Region"), choices=_ALL + Region.choices, required=False)
    state = forms.ChoiceField(
        label=_("Stage"), choices=_ALL + PipelineStage.choices, required=False
    )
    supervisor = forms.TypedChoiceField(label=_("Study coach"), coerce=int, required=False)
    needs = forms.ChoiceField(label=_("Needs action"), required=False)
    sort = forms.ChoiceField(required=False, widget=forms.HiddenInput)

    initial_year: int | None = None

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.school_years = list(
            SchoolYear.objects.filter(institution=institution).order_by("-start_date")
        )
        self.fields["year"].choices = [(str(year.pk), year.name) for year in self.school_years]
        programmes = Programme.objects.filter(institution=institution).order_by("name")
        self.fields["programme"].choices = _ALL + _ids(list(programmes.values_list("pk", "name")))
        schools = School.objects.filter(institution=institution).order_by(Lower("name"))
        self.fields["school"].choices = _ALL + _ids(list(schools.values_list("pk", "name")))
        coaches = Person.objects.filter(
            institution=institution, role_assignments__role=Role.STUDY_COACH
        ).order_by("last_name", "first_name")
        self.fields["supervisor"].choices = _ALL + [
            (str(pk), f"{first} {last}")
            for pk, first, last in coaches.values_list("pk", "first_name", "last_name")
        ]
        self.fields["needs"].choices = [
            *_ALL,
            (NEEDS_ANY, _("Any")),
            *((provider.key, provider.label) for provider in action_providers()),
        ]
        self.fields["sort"].choices = [(f"{sign}{key}", key) for key in SORTS for sign in ("", "-")]

    def selects(self) -> list[dict[str, Any]]:
        """The choice fields with their <option>s as one piece of escaped HTML: a school list
        can be long, and a template loop (or a widget template) per option is slow."""
        self.is_valid()
        selects = []
        for name, field in self.fields.items():
            if name in ("q", "sort"):
                continue
            current = str(self.data.get(name, ""))
            if name == "year" and not current and self.initial_year:
                current = str(self.initial_year)
            options = format_html_join(
                "", "{}", ((_option(value, label, current),) for value, label in field.choices)
            )
            selects.append(
                {"id": f"id_{name}", "name": name, "label": field.label, "options": options}
            )
        return selects

    def filters(self) -> StudentFilter:
        """The valid filters; a field with an invalid value does not filter."""
        self.is_valid()
        data = {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}
        return StudentFilter(
            query=data.get("q", "").strip(),
            programme=data.get("programme"),
            track=data.get("track", ""),
            school=data.get("school"),
            region=data.get("region", ""),
            state=data.get("state", ""),
            supervisor=data.get("supervisor"),
            needs=data.get("needs", ""),
            sort=data.get("sort") or "name",
        )

    def chosen_year(self) -> int | None:
        self.is_valid()
        return self.cleaned_data.get("year") or None
