"""Forms of the portfolio. They carry only the fields the user may change: status, student
and dates are never form fields, so posting them changes nothing."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from internships.models import Institution, Programme, Track
from lio_portal.uploads import DOCUMENT_TYPES, IMAGE_TYPES, upload_help_text

from .models import THEMES_BY_YEAR, Assignment, SketchAssessment, Theme, WorkFeedback


class WorkTextForm(forms.Form):
    text = forms.CharField(
        label=_("Your reflection"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 12}),
    )


class UploadForm(forms.Form):
    file = forms.FileField(label=_("File"))

    def __init__(self, *args: Any, allowed: frozenset[str] = DOCUMENT_TYPES, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text(allowed)


class ReviewForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}))
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (WorkFeedback.Decision.APPROVED, _("Approve")),
            (WorkFeedback.Decision.REVISE, _("Ask for a revision")),
        ],
        widget=forms.RadioSelect,
    )


class AssignmentForm(forms.ModelForm):
    """New assignments choose programme and LIO year; edits keep them (see the service)."""

    class Meta:
        model = Assignment
        fields = ["programme", "lio_year", "theme", "title", "description", "deadline"]
        widgets = {
            "deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 5}),
        }

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programme_field = self.fields["programme"]
        programme_field.queryset = Programme.objects.filter(  # type: ignore[attr-defined]
            institution=institution, track=Track.VL
        )
        self.fields["theme"].help_text = gettext("Year 1: %(year1)s. Year 2: %(year2)s.") % {
            "year1": ", ".join(str(Theme(t).label) for t in THEMES_BY_YEAR[1]),
            "year2": ", ".join(str(Theme(t).label) for t in THEMES_BY_YEAR[2]),
        }
        if self.instance.pk:
            for name in ("programme", "lio_year"):
                self.fields[name].disabled = True


class SectionForm(forms.Form):
    heading = forms.CharField(label=_("Heading"), max_length=200)
    text = forms.CharField(
        label=_("Text"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )


class SketchImageForm(forms.Form):
    file = forms.FileField(label=_("Image"))
    alt_text = forms.CharField(
        label=_("Alt text"),
        max_length=300,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = forms.CharField(label=_("Caption"), max_length=300, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text(IMAGE_TYPES)
        self.fields["file"].widget.attrs["accept"] = ",".join(sorted(IMAGE_TYPES))


class AssessmentForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}))
    result = forms.ChoiceField(
        label=_("Result"), choices=SketchAssessment.Result.choices, widget=forms.RadioSelect
    )
