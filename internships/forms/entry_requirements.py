from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import EntryRequirement


class EntryRequirementsForm(forms.Form):
    met = forms.MultipleChoiceField(
        label=_("Entry requirements met"),
        choices=EntryRequirement.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
