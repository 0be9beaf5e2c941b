"""Every model that points at a person, a student or a user is exported or excluded on purpose."""

from django.apps import apps
from django.conf import settings

from accounts.models import User
from internships.models import Person, StudentProfile
from privacy.registry import excluded_models, sections

PERSONAL = (Person, StudentProfile, User)


def _points_at_a_person(model: type) -> bool:
    return any(
        (field.many_to_one or field.one_to_one)
        and field.concrete
        and field.related_model in PERSONAL
        for field in model._meta.get_fields()
    )


def _base_model(model: type) -> type:
    """A historical model (django-simple-history) goes with the model it records."""
    return getattr(model, "instance_type", model)


def _covered() -> set[type]:
    return {section.model for section in sections()} | set(excluded_models()) | set(PERSONAL)


def _missing(covered: set[type]) -> list[str]:
    bases = {_base_model(model) for model in apps.get_models()}
    return sorted(
        model._meta.label for model in bases if _points_at_a_person(model) and model not in covered
    )


def test_every_model_with_personal_data_is_exported_or_excluded() -> None:
    assert _missing(_covered()) == [], "add them to <app>/personal_data.py (register or exclude)"


def test_the_check_notices_a_model_that_is_left_out() -> None:
    from internships.models import Observation

    assert _missing(_covered() - {Observation}) == ["internships.Observation"]


def test_retention_is_a_daily_job() -> None:
    assert "apply_retention" in settings.DAILY_JOBS
    assert settings.RETENTION_YEARS == 7


def test_every_section_names_existing_fields() -> None:
    for section in sections():
        names = {*section.free_text, *section.roles, *section.people}
        names |= {section.file_field, section.original_name_field} - {None}
        for name in names:
            section.model._meta.get_field(name)
