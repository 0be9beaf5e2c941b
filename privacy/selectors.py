"""Reads for the personal-data pages: the institution's people and the export log."""

from django.db.models import Q, QuerySet

from internships.models import Institution, Person, Role

from .models import DataExport


def people_of(*, institution: Institution, search: str = "") -> QuerySet[Person]:
    """Everyone known to the institution (students and staff), optionally filtered by name."""
    people = (
        Person.objects.filter(institution=institution)
        .select_related("student_profile", "anonymisation")
        .prefetch_related("role_assignments")
        .order_by("last_name", "first_name", "pk")
    )
    for word in search.split()[:5]:
        people = people.filter(
            Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
        )
    return people


def role_labels(person: Person) -> list[str]:
    """The person's roles by name, each once (a role held at two schools is one role here).

    Reads the prefetched `role_assignments` of `people_of`."""
    labels = [str(Role.STUDENT.label)] if hasattr(person, "student_profile") else []
    for assignment in person.role_assignments.all():
        label = assignment.get_role_display()
        if label not in labels:
            labels.append(label)
    return labels


def data_exports_of(*, institution: Institution) -> QuerySet[DataExport]:
    """The export log: who exported whose data, and when (newest first)."""
    return DataExport.objects.filter(institution=institution).select_related(
        "person", "exported_by"
    )
