"""Forms of the school calendars and the LIO planner."""

from datetime import date
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from ..models import CalendarOverride, Institution, School, SchoolYear
from ..planning import PlanningError
from .fields import WEEKDAY_CHOICES, DateInput

# Which field a planner error belongs next to.
_PLANNING_ERROR_FIELDS = {
    "unknown_region": "school",
    "weekday_count": "weekdays",
    "invalid_weekday": "weekdays",
    "not_consecutive": "weekdays",
    "start_not_weekday": "start",
    "start_free": "start",
    "past_school_year": "start",
}


def add_planning_error(form: forms.Form, exc: PlanningError) -> None:
    """Put the planner's message next to the field it is about, dates in the user's format."""
    params = {
        key: date_format(value, "j F Y") if isinstance(value, date) else value
        for key, value in exc.params.items()
    }
    field = _PLANNING_ERROR_FIELDS.get(exc.code)
    form.add_error(field, ValidationError(exc.message, code=exc.code, params=params))


class PlannerForm(forms.Form):
    school = forms.ModelChoiceField(label=_("School"), queryset=School.objects.none())
    start = forms.DateField(label=_("First LIO day"), widget=DateInput())
    weekdays = forms.TypedMultipleChoiceField(
        label=_("LIO days of the week"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Three to five consecutive days; Friday, Monday, Tuesday is allowed."),
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(institution=institution).order_by(
            "name"
        )


class CalendarOverrideForm(forms.Form):
    school_year = forms.ModelChoiceField(
        label=_("School year"), queryset=SchoolYear.objects.none(), empty_label=None
    )
    school = forms.ModelChoiceField(
        label=_("School"),
        queryset=School.objects.none(),
        required=False,
        empty_label=_("All schools of the institution"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=CalendarOverride.Kind.choices, widget=forms.RadioSelect
    )
    start_date = forms.DateField(label=_("From"), widget=DateInput())
    end_date = forms.DateField(
        label=_("Until"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty for a single day."),
    )
    label = forms.CharField(
        label=_("Reason"),
        max_length=120,
        help_text=_("Shown in the calendar and the planner, e.g. 'Studiedag team'."),
    )

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school_year"].queryset = SchoolYear.objects.filter(
            institution=institution
        ).order_by("-start_date")
        self.fields["school"].queryset = School.objects.filter(institution=institution).order_by(
            "name"
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("start_date") and not data.get("end_date"):
            data["end_date"] = data["start_date"]
        return data
