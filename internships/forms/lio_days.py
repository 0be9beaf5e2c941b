"""Forms of the LIO day log."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import LioDay, Responsibility


class LioDayForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What kind of day was it?"), choices=LioDay.Kind.choices, widget=forms.RadioSelect
    )
    responsibilities = forms.MultipleChoiceField(
        label=_("Responsibilities you carried"),
        choices=Responsibility.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    note = forms.CharField(
        label=_("Note"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        required=False,
        help_text=_("For example what the parent meeting or staff meeting was about."),
    )


class WeekForm(forms.Form):
    week = forms.DateField(widget=forms.HiddenInput)
