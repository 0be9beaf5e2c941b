"""The start application of track VL keeps the admission answers a student saved."""

import pytest

from internships.forms.start_application import StartApplicationForm
from internships.models import Country
from tests.factories import StudentProfileFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("saved", "shown"), [(True, "True"), (False, "False")])
def test_a_saved_yes_or_no_shows_as_chosen_when_the_form_is_opened_again(
    saved: bool, shown: str
) -> None:
    """Admission condition 'appointed for the school year' (DOMAIN.md, track VL): a saved
    answer that showed as '—' again would be lost on the next save and block the submission."""
    student = StudentProfileFactory(institution__country=Country.BE)
    form = StartApplicationForm(student=student, initial={"appointment_for_school_year": saved})
    assert f'<option value="{shown}" selected>' in str(form["appointment_for_school_year"])


@pytest.mark.parametrize(("posted", "answer"), [("True", True), ("False", False), ("", None)])
def test_the_posted_yes_or_no_is_the_answer(posted: str, answer: bool | None) -> None:
    student = StudentProfileFactory(institution__country=Country.BE)
    form = StartApplicationForm({"appointment_for_school_year": posted}, student=student)
    form.is_valid()
    assert form.cleaned_data["appointment_for_school_year"] is answer
