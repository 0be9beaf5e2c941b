"""Forms of the bulk import: the upload, and the confirmation of a previewed file."""

from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ..services.imports import ImportKind


class ImportUploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("The file contains"), choices=ImportKind.choices, widget=forms.RadioSelect
    )
    file = forms.FileField(
        label=_("File"),
        help_text=_("A CSV file (.csv) or an Excel workbook (.xlsx) with the columns below."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )


class ImportConfirmForm(forms.Form):
    """Names the stored file of a preview; see internships/services/imports/storage.py."""

    kind = forms.ChoiceField(choices=ImportKind.choices, widget=forms.HiddenInput)
    fmt = forms.ChoiceField(choices=[("csv", "csv"), ("xlsx", "xlsx")], widget=forms.HiddenInput)
    token = forms.CharField(
        widget=forms.HiddenInput, validators=[RegexValidator(r"^[0-9a-f]{64}$")]
    )
