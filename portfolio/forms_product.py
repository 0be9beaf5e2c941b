"""Forms of the professional product. Only fields the user may change; choices are narrowed to
the institution (and, for the practice supervisor, to the student's placement school)."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from internships.models import Person, StudentProfile
from lio_portal.uploads import upload_help_text

from .models import (
    EVALUATION_QUESTIONS,
    Advice,
    DeliverableReview,
    ExpertiseArea,
    Judgement,
    PartAssessment,
    ProductSettings,
    ProductType,
)
from .selectors_product import active_entries, practice_supervisor_choices


class StartForm(forms.Form):
    title = forms.CharField(label=_("Working title"), max_length=200)
    question = forms.CharField(
        label=_("Question or task from practice"),
        help_text=_("What does the school want to improve or develop, and why?"),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    expertise_area = forms.ModelChoiceField(
        label=_("Expertise area"), queryset=ExpertiseArea.objects.none()
    )
    product_type = forms.ModelChoiceField(
        label=_("Product type"), queryset=ProductType.objects.none()
    )
    practice_supervisor = forms.ModelChoiceField(
        label=_("Practice supervisor at the school"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("Someone else: fill in below"),
        help_text=_("Your mentor may be your practice supervisor."),
    )
    new_first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    new_last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    new_email = forms.EmailField(label=_("E-mail address"), required=False)

    def __init__(
        self, *args: Any, student: StudentProfile, school_id: int | None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        institution_id = student.institution_id
        self.fields["expertise_area"].queryset = active_entries(ExpertiseArea, institution_id)  # type: ignore[attr-defined]
        self.fields["product_type"].queryset = active_entries(ProductType, institution_id)  # type: ignore[attr-defined]
        self.fields["practice_supervisor"].queryset = practice_supervisor_choices(  # type: ignore[attr-defined]
            student=student, school_id=school_id
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("practice_supervisor") is None:
            for name in ("new_first_name", "new_last_name", "new_email"):
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(
                        name, gettext("Fill in your practice supervisor, or choose one above.")
                    )
        return cleaned


class SupervisorChoiceField(forms.ModelChoiceField):
    """Each graduation supervisor with the number of products they supervise now."""

    def label_from_instance(self, obj: Person) -> str:
        count = getattr(obj, "active_products", 0)
        return gettext("%(name)s (supervises %(count)s now)") % {
            "name": obj.full_name,
            "count": count,
        }


class ApproveForm(forms.Form):
    graduation_supervisor = SupervisorChoiceField(
        label=_("Graduation supervisor"), queryset=Person.objects.none()
    )

    def __init__(self, *args: Any, supervisors: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["graduation_supervisor"].queryset = supervisors  # type: ignore[attr-defined]


class ReturnForm(forms.Form):
    comment = forms.CharField(
        label=_("What needs to change?"), widget=forms.Textarea(attrs={"rows": 3})
    )


class ExemptionForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for the exemption"), widget=forms.Textarea(attrs={"rows": 3})
    )


class VersionUploadForm(forms.Form):
    file = forms.FileField(label=_("File"))
    note = forms.CharField(
        label=_("Note to your graduation supervisor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text()


class VersionReviewForm(forms.Form):
    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}))
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (DeliverableReview.Decision.FEEDBACK, _("Feedback: the student revises")),
            (DeliverableReview.Decision.ACCEPTED, _("Accept: this closes the phase")),
        ],
        widget=forms.RadioSelect,
    )


class PartAssessmentForm(forms.Form):
    result = forms.ChoiceField(
        label=_("Result"), choices=PartAssessment.Result.choices, widget=forms.RadioSelect
    )
    motivation = forms.CharField(label=_("Motivation"), widget=forms.Textarea(attrs={"rows": 4}))


class EvaluationFillForm(forms.Form):
    """The three questions and the advice; saving part of it is fine, signing needs it all."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, question in EVALUATION_QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=question,
                choices=Judgement.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )
            self.fields[f"{name}_motivation"] = forms.CharField(
                label=_("Motivation"), required=False, widget=forms.Textarea(attrs={"rows": 3})
            )
        self.fields["advice"] = forms.ChoiceField(
            label=_("Your advice on the assessment"),
            choices=Advice.choices,
            required=False,
            widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
        )
        self.fields["advice_motivation"] = forms.CharField(
            label=_("Motivation of your advice"),
            required=False,
            widget=forms.Textarea(attrs={"rows": 4}),
        )

    def groups(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        """(judgement, motivation) per question, then the advice, for the template."""
        names = [name for name, _question in EVALUATION_QUESTIONS] + ["advice"]
        return [(self[name], self[f"{name}_motivation"]) for name in names]


class CatalogueEntryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=120)


class ProductSettingsForm(forms.ModelForm):
    class Meta:
        model = ProductSettings
        fields = ["phase_1_months", "phase_2_months"]
