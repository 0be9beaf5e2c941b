"""Recording the track-NL entry requirements (*ingangseisen*) of a student."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from ..models import EntryRequirement, Person, StudentProfile, Track


@transaction.atomic
def entry_requirements_record(
    *, student: StudentProfile, met: set[str], actor: Person
) -> list[EntryRequirement]:
    """Make the recorded requirements exactly `met`; earlier records keep their date."""
    if student.programme.track != Track.NL:
        raise ValidationError(_("Entry requirements apply to the Dutch track only."))
    unknown = met - set(EntryRequirement.Kind.values)
    if unknown:
        raise ValidationError(_("Unknown entry requirement."))
    for requirement in student.entry_requirements.exclude(kind__in=met):
        requirement.delete()
    existing = set(student.entry_requirements.values_list("kind", flat=True))
    for kind in sorted(met - existing):
        EntryRequirement.objects.create(student=student, kind=kind, recorded_by=actor)
    return list(student.entry_requirements.all())
