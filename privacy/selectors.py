"""Reads for the personal-data pages: the institution's people and the export log."""

from django.db.models import Q, QuerySet

from internships.models import Institution, Person

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


def data_exports_of(*, institution: Institution) -> QuerySet[DataExport]:
    """The export log: who exported whose data, and when (newest first)."""
    return DataExport.objects.filter(institution=institution).select_related(
        "person", "exported_by"
    )
