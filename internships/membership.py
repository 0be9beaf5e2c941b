"""Who the signed-in user is inside an institution: their person record and roles."""

from dataclasses import dataclass, field

from django.http import HttpRequest

from .models import Institution, Person, Role

SESSION_KEY = "institution_id"


@dataclass(frozen=True)
class Membership:
    """The signed-in user's identity at the active institution (empty when they have none)."""

    person: Person | None = None
    institutions: tuple[Institution, ...] = ()
    roles: frozenset[str] = field(default_factory=frozenset)

    @property
    def institution(self) -> Institution | None:
        return self.person.institution if self.person else None

    def has_any(self, roles: set[str] | frozenset[str]) -> bool:
        return bool(self.roles & set(roles))


def membership_for(request: HttpRequest) -> Membership:
    """Load the person of the active institution with its roles, in two queries."""
    user = request.user
    if not user.is_authenticated:
        return Membership()
    persons = list(
        Person.objects.filter(user=user)
        .select_related("institution", "student_profile")
        .prefetch_related("role_assignments")
        .order_by("institution__name")
    )
    if not persons:
        return Membership()
    wanted = request.session.get(SESSION_KEY)
    person = next((p for p in persons if p.institution_id == wanted), persons[0])
    return Membership(
        person=person,
        institutions=tuple(p.institution for p in persons),
        roles=_roles_of(person),
    )


def _roles_of(person: Person) -> frozenset[str]:
    roles = {assignment.role for assignment in person.role_assignments.all()}
    if hasattr(person, "student_profile"):
        roles.add(Role.STUDENT)
    return frozenset(roles)
