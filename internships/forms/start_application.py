"""The start application form; its fields depend on the student's track."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from ..models import (
    Grade,
    Institution,
    Person,
    Role,
    School,
    StartApplication,
    StudentProfile,
    Track,
)
from .fields import WEEKDAY_CHOICES, DateInput

# The values are how a saved True/False renders as the initial value, so a saved answer shows
# as chosen when the form is opened again.
YES_NO = [("", "—"), ("True", _("Yes")), ("False", _("No"))]


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.email})"


def _people_with(institution: Institution, role: str) -> Any:
    return (
        Person.objects.filter(institution=institution, role_assignments__role=role)
        .distinct()
        .order_by("last_name", "first_name")
    )


class StartApplicationForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none(), label=_("Placement school"))
    class_name = forms.CharField(label=_("Class or group"), max_length=60, required=False)
    grades = forms.MultipleChoiceField(
        label=_("Grades"), required=False, widget=forms.CheckboxSelectMultiple
    )
    mentor = PersonChoiceField(queryset=Person.objects.none(), required=False, label=_("Mentor"))
    new_mentor_first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    new_mentor_last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    new_mentor_email = forms.EmailField(label=_("E-mail address"), required=False)
    director = PersonChoiceField(
        queryset=Person.objects.none(), required=False, label=_("School director")
    )
    new_director_first_name = forms.CharField(label=_("First name"), max_length=100, required=False)
    new_director_last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    new_director_email = forms.EmailField(label=_("E-mail address"), required=False)
    study_coach = PersonChoiceField(
        queryset=Person.objects.none(), required=False, label=_("Study coach")
    )

    def __init__(self, *args: Any, student: StudentProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        institution = student.institution
        self.track = student.programme.track
        self.fields["school"].queryset = School.objects.filter(institution=institution)
        self.fields["grades"].choices = Grade.for_country(institution.country)
        self.fields["mentor"].queryset = _people_with(institution, Role.MENTOR)
        self.fields["director"].queryset = _people_with(institution, Role.DIRECTOR)
        self.fields["study_coach"].queryset = _people_with(institution, Role.STUDY_COACH)
        if self.track == Track.NL:
            self._add_nl_fields()
        else:
            self._add_vl_fields()

    def _add_nl_fields(self) -> None:
        self.fields["weekdays"] = forms.TypedMultipleChoiceField(
            label=_("LIO days of the week"),
            choices=WEEKDAY_CHOICES,
            coerce=int,
            required=False,
            widget=forms.CheckboxSelectMultiple,
            help_text=_("3, 4 or 5 consecutive school days; Friday-Monday-Tuesday also counts."),
        )
        self.fields["start_date"] = forms.DateField(
            label=_("Planned start date"), required=False, widget=DateInput()
        )

    def _add_vl_fields(self) -> None:
        self.fields["appointment"] = forms.ChoiceField(
            label=_("Your appointment"),
            choices=StartApplication.Appointment.choices,
            required=False,
            widget=forms.RadioSelect,
        )
        self.fields["special_class_pupils"] = forms.IntegerField(
            label=_("Pupils in the special-education class"), min_value=0, required=False
        )
        self.fields["appointment_for_school_year"] = forms.TypedChoiceField(
            label=_("Are you appointed for the whole school year?"),
            choices=YES_NO,
            coerce=lambda value: value == "True",
            empty_value=None,
            required=False,
        )
        self.fields["appointment_start"] = forms.DateField(
            label=_("Your appointment starts on"), required=False, widget=DateInput()
        )
        self.fields["periods_per_week"] = forms.IntegerField(
            label=_("Teaching periods a week in the same class"), min_value=0, required=False
        )
        self.fields["learning_areas"] = forms.CharField(
            label=_("Learning areas you teach"), max_length=300, required=False
        )
        self.fields["school_confirms_conditions"] = forms.BooleanField(
            label=_(
                "The school confirms that it offers assignments in several grades and learning "
                "areas, gives the flexibility to carry them out, and provides induction guidance."
            ),
            required=False,
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for role in ("mentor", "director"):
            new = [data.get(f"new_{role}_{part}") for part in ("first_name", "last_name", "email")]
            if data.get(role) is None and any(new) and not all(new):
                self.add_error(
                    f"new_{role}_email" if not new[2] else f"new_{role}_first_name",
                    _("Fill in first name, last name and e-mail address of the new contact."),
                )
        return data

    def new_contact(self, role: str) -> tuple[str, str, str] | None:
        data = self.cleaned_data
        if data.get(role) is not None:
            return None
        new = tuple(
            data.get(f"new_{role}_{part}") or "" for part in ("first_name", "last_name", "email")
        )
        return new if all(new) else None  # type: ignore[return-value]


class PlanPreviewForm(forms.Form):
    school = forms.ModelChoiceField(queryset=School.objects.none())
    start_date = forms.DateField()
    weekdays = forms.TypedMultipleChoiceField(choices=WEEKDAY_CHOICES, coerce=int)

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = School.objects.filter(institution=institution)
