"""Every named route of the portal, walked from Django's URL resolver, and how to build its URL
from the security worlds (which object's key goes into `pk`, which personal link into `token`)."""

from collections.abc import Iterator
from dataclasses import dataclass

from django.contrib.auth.tokens import default_token_generator
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from internships.models import Role
from tests.security.worlds import SecurityWorld

ANONYMOUS = "anonymous"
LINK_HOLDER = "link holder"
# Every column of the matrix: the roles of DOMAIN.md, then the two without an account.
ROLES = (
    Role.STUDENT,
    Role.MENTOR,
    Role.DIRECTOR,
    Role.SCHOOL_TEACHER_EDUCATOR,
    Role.QUALIFIED_SUPERVISOR,
    Role.PRACTICE_SUPERVISOR,
    Role.STUDY_COACH,
    Role.GRADUATION_SUPERVISOR,
    Role.ASSESSOR,
    Role.COORDINATOR,
    ANONYMOUS,
    LINK_HOLDER,
)
STAFF_ROLES = tuple(r for r in ROLES[:-2] if r not in (Role.STUDENT, Role.COORDINATOR))
# Named routes that are not ours to classify, with the reason.
EXCLUDED_NAMESPACES = {
    "admin": "Django's admin: its own staff login and permission system, tested by Django.",
}
EXCLUDED_ROUTES: dict[str, str] = {}
# A token nobody was given: anonymous visitors try token routes with it.
NO_TOKEN = "x" * 43


def named_routes() -> list[str]:
    """Every named route of the resolver, namespaced, except the excluded framework ones."""
    names = sorted(set(_walk(get_resolver().url_patterns, ())))
    return [
        n for n in names if n not in EXCLUDED_ROUTES and n.split(":")[0] not in EXCLUDED_NAMESPACES
    ]


def _walk(patterns: list[URLPattern | URLResolver], namespaces: tuple[str, ...]) -> Iterator[str]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = (*namespaces, pattern.namespace) if pattern.namespace else namespaces
            yield from _walk(pattern.url_patterns, inner)
        elif pattern.name:
            yield ":".join((*namespaces, pattern.name))


@dataclass(frozen=True)
class Target:
    """What a route's URL is built from: the world, the object in `pk`, the link in `token`."""

    world: str = "nl"
    pk: str | None = None
    token: str | None = None


NL, VL = "nl", "vl"
# Routes that need more than the NL world without arguments.
TARGETS: dict[str, Target] = {
    "accounts:password-reset-confirm": Target(token="password"),
    "portfolio:assignment-work": Target(VL, "assignment"),
    "portfolio:attachment-upload": Target(VL, "assignment"),
    "portfolio:attachment-download": Target(VL, "attachment"),
    "portfolio:attachment-delete": Target(VL, "attachment"),
    "portfolio:section-edit": Target(NL, "section"),
    "portfolio:section-delete": Target(NL, "section"),
    "portfolio:image-upload": Target(NL, "section"),
    "portfolio:sketch-image": Target(NL, "image"),
    "portfolio:image-delete": Target(NL, "image"),
    "portfolio:work-detail": Target(VL, "work"),
    "portfolio:work-review": Target(VL, "work"),
    "portfolio:student-portfolio": Target(VL, "student"),
    "portfolio:portfolio-pdf": Target(VL, "student"),
    "portfolio:assignment-edit": Target(VL, "assignment"),
    "portfolio:assignment-delete": Target(VL, "assignment"),
    "portfolio:sketch-detail": Target(NL, "sketch"),
    "portfolio:sketch-assess": Target(NL, "sketch"),
    "portfolio:sketch-pdf": Target(NL, "sketch"),
    "portfolio:product-detail": Target(NL, "student"),
    "portfolio:product-approve": Target(NL, "student"),
    "portfolio:product-return": Target(NL, "student"),
    "portfolio:product-exemption": Target(NL, "student"),
    "portfolio:product-exemption-withdraw": Target(NL, "student"),
    "portfolio:product-assess": Target(NL, "student"),
    "portfolio:product-version": Target(NL, "version"),
    "portfolio:product-review": Target(NL, "version"),
    "portfolio:product-evaluation": Target(NL, "student"),
    "portfolio:product-evaluation-pdf": Target(NL, "student"),
    "portfolio:product-evaluation-resend": Target(NL, "student"),
    "portfolio:evaluation-link": Target(NL, token="evaluation"),
    "portfolio:evaluation-link-report": Target(NL, token="evaluation"),
    "portfolio:product-programme-settings": Target(NL, "programme"),
    "portfolio:product-entry-edit": Target(NL, "expertise_area"),
    "portfolio:product-entry-toggle": Target(NL, "expertise_area"),
    "assessments:schedule": Target(NL, "placement"),
    "assessments:assessor-assign": Target(NL, "placement"),
    **{
        f"assessments:{name}": Target(NL, "assessment")
        for name in (
            "detail",
            "schedule-edit",
            "cancel",
            "form",
            "preparation-upload",
            "preparation-download",
            "pdf",
            "ics",
        )
    },
    "signoffs:link": Target(NL, token="sign"),
    "audit:start-application-history": Target(NL, "application"),
    "audit:observation-history": Target(VL, "observation"),
    "audit:assessment-history": Target(NL, "assessment"),
    "audit:product-history": Target(NL, "product"),
    "audit:work-history": Target(VL, "work"),
    "audit:sketch-history": Target(NL, "sketch"),
    "audit:placement-history": Target(NL, "placement"),
    "privacy:person": Target(NL, "person"),
    "privacy:person-export": Target(NL, "person"),
    "signoffs:request-act": Target(NL, "signature_request"),
    "signoffs:request-resend": Target(NL, "signature_request"),
    "signoffs:request-revoke": Target(NL, "signature_request"),
    "internships:placement-detail": Target(NL, "placement"),
    "internships:student-detail": Target(NL, "student"),
    "internships:entry-requirements-update": Target(NL, "student"),
    "internships:school-detail": Target(NL, "school"),
    "internships:school-calendar": Target(NL, "school"),
    "internships:override-update": Target(NL, "override"),
    "internships:override-delete": Target(NL, "override"),
    "internships:lio-feed": Target(NL, token="feed"),
    "internships:placement-days": Target(NL, "placement"),
    "internships:placement-days-confirm": Target(NL, "placement"),
    "internships:start-application-detail": Target(NL, "application"),
    "internships:start-application-confirm": Target(NL, "application"),
    "internships:start-application-return": Target(NL, "application"),
    "internships:start-application-pdf": Target(NL, "application"),
    "internships:observation-detail": Target(VL, "observation"),
    "internships:observation-edit": Target(VL, "observation"),
    "internships:observation-sign-off": Target(VL, "observation"),
    "internships:observation-correct": Target(VL, "observation"),
    "internships:observation-acknowledge": Target(VL, "observation"),
    "internships:placement-observations": Target(VL, "placement"),
    "internships:observation-new": Target(VL, "placement"),
    "internships:mentor-link-send": Target(VL, "placement"),
    "internships:mentor-link-revoke": Target(VL, "placement"),
    "internships:mentor-page": Target(VL, token="mentor"),
    "internships:mentor-observation-new": Target(VL, token="mentor"),
    "internships:mentor-observation": Target(VL, "observation", "mentor"),
    "internships:mentor-observation-correct": Target(VL, "observation", "mentor"),
    "internships:mentor-days-confirm": Target(NL, token="mentor"),
    "internships:feedforward": Target(NL, "placement"),
    "internships:my-observations": Target(VL),
    "internships:mentor-observations": Target(VL),
    "internships:short-months": Target(VL),
    "internships:intervision-list": Target(VL),
    "internships:intervision-new": Target(VL),
    "internships:intervision-missed": Target(VL),
    "internships:intervision-detail": Target(VL, "intervision"),
    "internships:my-intervisions": Target(VL),
    "internships:intervision-reflect": Target(VL, "participant"),
    "internships:talk-book": Target(VL, "programme"),
    "internships:talk-booked": Target(VL, "programme"),
    "internships:talk-cancel": Target(VL, token="talk_cancel"),
    "internships:talk-slots": Target(VL),
    "internships:talk-slot-withdraw": Target(VL, "free_slot"),
    "internships:talk-booking-cancel": Target(VL, "booking"),
}
# Arguments that are not records: the same for every route that takes them.
FIXED_KWARGS = {"day": "2026-11-02", "phase": 1, "part": 1, "kind": "areas"}


def target_of(name: str) -> Target:
    return TARGETS.get(name, Target())


def url_for(name: str, security: SecurityWorld, *, real_token: bool = True) -> str:
    """The route's URL in `security`'s world; with `real_token` off, the token is one nobody
    was given."""
    target = target_of(name)
    kwargs: dict[str, object] = {}
    pattern_keys = _converters(name)
    if target.pk is not None:
        key = next(k for k in ("placement_pk", "school_pk", "pk") if k in pattern_keys)
        kwargs[key] = security.objects[target.pk].pk
    if "year_pk" in pattern_keys:
        kwargs["year_pk"] = security.objects["school_year"].pk
    if target.token == "password":
        user = security.people[Role.STUDENT].user  # type: ignore[attr-defined]
        kwargs |= {
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user) if real_token else NO_TOKEN,
        }
    elif target.token is not None:
        kwargs["token"] = security.tokens[target.token] if real_token else NO_TOKEN
    kwargs |= {k: v for k, v in FIXED_KWARGS.items() if k in pattern_keys}
    return reverse(name, kwargs=kwargs)


def _converters(name: str) -> set[str]:
    resolver = get_resolver()
    *namespaces, view_name = name.split(":")
    for namespace in namespaces:
        resolver = resolver.namespace_dict[namespace][1]
    keys: set[str] = set()
    for possibilities, _pattern, _defaults, _types in resolver.reverse_dict.getlist(view_name):
        for _result, params in possibilities:
            keys |= set(params)
    return keys
