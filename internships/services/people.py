"""People known to an institution: school contacts added on the fly by a student."""

from django.db import transaction

from ..models import Person, RoleAssignment, School


@transaction.atomic
def school_contact_ensure(
    *, school: School, role: str, first_name: str, last_name: str, email: str
) -> Person:
    """The person with this e-mail at the school's institution, holding `role` at the school.

    An existing person keeps their name: a student cannot rename someone the institution knows.
    """
    person = Person.objects.filter(institution=school.institution_id, email__iexact=email).first()
    if person is None:
        person = Person.objects.create(
            institution_id=school.institution_id,
            first_name=first_name.strip(),
            last_name=last_name.strip(),
            email=email.strip().lower(),
        )
    RoleAssignment.objects.get_or_create(person=person, role=role, school=school)
    return person
