"""Forms of the assessment lesson. They carry only what the user may change; status, people and
dates of others are never form fields. Completeness is checked by the services."""

from collections.abc import Sequence
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from internships.forms.fields import DateInput
from internships.models import Institution, Person
from lio_portal.uploads import upload_help_text

from .models import REQUIREMENTS, LessonAssessment
from .selectors import assessors_of


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class VisitForm(forms.Form):
    """Date, time and class of the visit; a co-assessor choice when the school has several."""

    date = forms.DateField(label=_("Date"), widget=DateInput())
    start_time = forms.TimeField(label=_("Lesson starts at"), widget=TimeInput())
    end_time = forms.TimeField(label=_("Lesson ends at"), widget=TimeInput())
    class_name = forms.CharField(label=_("Class or group"), max_length=60)

    def __init__(self, *args: Any, co_assessors: Sequence[Person] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if len(co_assessors) > 1:
            self.fields["co_assessor"] = forms.ModelChoiceField(
                label=_("Co-assessor"),
                queryset=Person.objects.filter(pk__in=[p.pk for p in co_assessors]),
                required=False,
                empty_label=_("As the rule picks"),
            )


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Why is the visit cancelled?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class AssessorAssignForm(forms.Form):
    assessor = forms.ModelChoiceField(label=_("Assessor"), queryset=Person.objects.none())

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessor"].queryset = assessors_of(institution=institution)  # type: ignore[attr-defined]


class PreparationForm(forms.Form):
    file = forms.FileField(label=_("Lesson preparation (file)"), required=False)
    lesson_sequence = forms.CharField(
        label=_("How does the lesson fit in its sequence of lessons?"),
        help_text=_("Which lessons come before and after it, and what the pupils learn in them."),
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, replacing: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = upload_help_text()
        if replacing:
            self.fields["file"].label = _("Replace the file (optional)")


def _to_bool(value: str) -> bool:
    return value == "True"


def _yes_no(label: object, yes: object, no: object) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=[("True", yes), ("False", no)],
        coerce=_to_bool,
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
    )


def _notes(label: object, rows: int = 3) -> forms.CharField:
    return forms.CharField(label=label, required=False, widget=forms.Textarea(attrs={"rows": rows}))


class AssessmentForm(forms.Form):
    """The assessor's form; everything may stay empty until it goes to the signatures."""

    mentor_absent = forms.BooleanField(
        label=_("The mentor was not in the classroom during the lesson."), required=False
    )
    assessors_talk_notes = _notes(_("Post-lesson talk of the assessors"), 4)
    mentor_joined_talk = _yes_no(
        _("Did the mentor join the assessors' talk to inform?"),
        _("Yes, the mentor joined"),
        _("No"),
    )
    student_talk_notes = _notes(
        _("Post-lesson talk with the student: the lesson and the reasons behind the choices"), 4
    )
    result = forms.ChoiceField(
        label=_("Overall result"),
        choices=LessonAssessment.Result.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    result_motivation = _notes(_("Motivation of the result"), 4)
    deviation_justification = _notes(
        _("Justification (needed for a fail with all five met, or a pass with one unmet)")
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        requirement_fields: dict[str, forms.Field] = {}
        for key, _label in REQUIREMENTS:
            requirement_fields[f"{key}_met"] = _yes_no(
                _("Judgement"), _("Meets"), _("Does not meet")
            )
            requirement_fields[f"{key}_note"] = _notes(_("Observation"))
        self.fields = {**requirement_fields, **self.fields}

    def requirement_rows(self) -> list[tuple[int, object, forms.BoundField, forms.BoundField]]:
        """(number, requirement, judgement field, note field) for the template."""
        return [
            (number, label, self[f"{key}_met"], self[f"{key}_note"])
            for number, (key, label) in enumerate(REQUIREMENTS, start=1)
        ]
