"""Forms of observations: the mentor's form, sign-off and the student's acknowledgement."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .fields import DateInput


def _text(label: str, rows: int = 3, required: bool = True, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        widget=forms.Textarea(attrs={"rows": rows}),
        max_length=4000,
        required=required,
        help_text=help_text,
    )


class ObservationForm(forms.Form):
    observed_on = forms.DateField(label=_("Date"), widget=DateInput())
    class_name = forms.CharField(label=_("Class"), max_length=60)
    subject = forms.CharField(
        label=_("Subject"), max_length=120, help_text=_("For example 'arithmetic: fractions'.")
    )
    focus = _text(_("Focus of the observation"), rows=2)
    went_well = _text(_("What went well"))
    to_improve = _text(_("Points to work on"))
    agreements = _text(_("Agreements"), rows=2, required=False)


class SignOffForm(forms.Form):
    content_hash = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I sign this observation off. After that it can only be changed by a correction."),
        error_messages={"required": _("Tick the box to sign the observation off.")},
    )


class AcknowledgeForm(forms.Form):
    content_hash = forms.CharField(widget=forms.HiddenInput)
    response = _text(
        _("Your response (optional)"),
        required=False,
        help_text=_("Your reaction to the observation. It is kept with the observation."),
    )
    confirm = forms.BooleanField(
        label=_("I have read the observation."),
        error_messages={"required": _("Tick the box to confirm that you have read it.")},
    )
