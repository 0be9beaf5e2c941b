from django import forms
from django.utils.translation import gettext_lazy as _


class SignForm(forms.Form):
    content_hash = forms.CharField(widget=forms.HiddenInput)
    confirm = forms.BooleanField(
        label=_("I have read the form above and agree with its content."),
        error_messages={"required": _("Tick the box to confirm that you have read the form.")},
    )


class SendBackForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
