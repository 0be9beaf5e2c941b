"""Forms of the feedforward visit, intervision sessions and orientation talks."""

from datetime import datetime, time
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from portfolio.models import Assignment

from ..models import (
    Attendance,
    Institution,
    IntervisionParticipant,
    Programme,
    StudentProfile,
    TalkSlot,
    Track,
)
from .fields import DateInput


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)


class FeedforwardForm(forms.Form):
    visited_on = forms.DateField(label=_("Date of the visit"), widget=DateInput())
    feedback = forms.CharField(
        label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}), max_length=6000
    )


def _moment(day: Any, at: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, at))


class _TimedForm(forms.Form):
    """A day with a start and end time, combined into aware datetimes."""

    day = forms.DateField(label=_("Date"), widget=DateInput())
    starts = forms.TimeField(label=_("From"), widget=TimeInput())
    ends = forms.TimeField(label=_("Until"), widget=TimeInput())
    place = forms.CharField(label=_("Place"), max_length=200)

    def moments(self) -> tuple[datetime, datetime]:
        data = self.cleaned_data
        return _moment(data["day"], data["starts"]), _moment(data["day"], data["ends"])


class SessionForm(_TimedForm):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())
    assignment = forms.ModelChoiceField(
        label=_("Assignment explained"),
        queryset=Assignment.objects.none(),
        required=False,
        help_text=_("The portfolio assignment the session explains."),
    )
    topic = forms.CharField(
        label=_("Topic"),
        max_length=200,
        required=False,
        help_text=_("Optional; needed when the session explains no single assignment."),
    )
    students = forms.ModelMultipleChoiceField(
        label=_("Students"),
        queryset=StudentProfile.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )

    field_order = ["programme", "day", "starts", "ends", "place", "assignment", "topic"]

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programmes = Programme.objects.filter(institution=institution, track=Track.VL)
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        self.fields["assignment"].queryset = Assignment.objects.filter(  # type: ignore[attr-defined]
            programme__in=programmes
        ).order_by("lio_year", "title")
        self.fields["students"].queryset = (  # type: ignore[attr-defined]
            StudentProfile.objects.filter(programme__in=programmes)
            .select_related("person")
            .order_by("person__last_name", "person__first_name")
        )
        if programmes.count() == 1:
            self.fields["programme"].initial = programmes.first()


class AttendanceForm(forms.Form):
    """One choice per invited student: `attendance-<participant id>`."""

    def __init__(self, *args: Any, participants: list[IntervisionParticipant], **kwargs: Any):
        super().__init__(*args, **kwargs)
        for participant in participants:
            self.fields[f"attendance-{participant.pk}"] = forms.ChoiceField(
                label=participant.student.person.full_name,
                choices=Attendance.choices,
                initial=participant.attendance,
            )

    def attendance(self) -> dict[int, str]:
        return {
            int(name.removeprefix("attendance-")): value
            for name, value in self.cleaned_data.items()
        }


class ReflectionForm(forms.Form):
    reflection = forms.CharField(
        label=_("Your reflection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1500,
        required=False,
        help_text=_("A few sentences: what did you take from the session?"),
    )


class TalkSlotForm(_TimedForm):
    programme = forms.ModelChoiceField(label=_("Programme"), queryset=Programme.objects.none())

    field_order = ["programme", "day", "starts", "ends", "place"]

    def __init__(self, *args: Any, institution: Institution, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        programmes = Programme.objects.filter(institution=institution, track=Track.VL)
        self.fields["programme"].queryset = programmes  # type: ignore[attr-defined]
        if programmes.count() == 1:
            self.fields["programme"].initial = programmes.first()


class SlotChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: TalkSlot) -> str:  # type: ignore[override]
        start = timezone.localtime(obj.starts_at)
        end = timezone.localtime(obj.ends_at)
        return f"{date_format(start, 'l j F Y')}, {start:%H:%M}–{end:%H:%M} · {obj.place}"


class BookingForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Choose a time"),
        queryset=TalkSlot.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
    )
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your e-mail address"))
    question = forms.CharField(
        label=_("Your question"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=2000,
        required=False,
        help_text=_("What would you like to talk about?"),
    )

    def __init__(self, *args: Any, slots: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots  # type: ignore[attr-defined]
