"""The coordinator manages the assignments of a programme's portfolio per LIO year."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from internships.models import Institution, Programme

from ..models import Assignment


@transaction.atomic
def assignment_create(
    *,
    institution: Institution,
    programme: Programme,
    lio_year: int,
    theme: str,
    title: str,
    description: str = "",
    deadline: date | None = None,
) -> Assignment:
    """Add an assignment on one of the themes of the LIO year (track VL programmes only)."""
    if programme.institution_id != institution.pk:
        raise ValidationError({"programme": _("The programme belongs to another institution.")})
    assignment = Assignment(
        programme=programme,
        lio_year=lio_year,
        theme=theme,
        title=title,
        description=description,
        deadline=deadline,
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_update(
    *,
    assignment: Assignment,
    theme: str,
    title: str,
    description: str,
    deadline: date | None,
) -> Assignment:
    """Change the theme, wording or deadline; programme and LIO year stay as created, so work
    students already did stays in the portfolio it was written for."""
    assignment.theme = theme
    assignment.title = title
    assignment.description = description
    assignment.deadline = deadline
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def assignment_delete(*, assignment: Assignment) -> None:
    """Only an assignment no student has worked on can be deleted."""
    if assignment.works.exists():
        raise ValidationError(
            _("Students have already worked on this assignment; it cannot be deleted.")
        )
    assignment.delete()
