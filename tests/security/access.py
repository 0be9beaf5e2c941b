"""The expected answer of every named route to every role: the table the matrix test walks.

Read a row as "who gets what on a GET". Defaults per kind of page (coordinator only, student
only, public, personal link only) with the exceptions spelt out. For POST-only routes GET is 405
for everyone who gets past the login, and `post` says what a POST by each role that may *not*
act gets (403 for a role the page is not for, 404 for a record that is not theirs); `ALLOWED`
marks who may act (not posted here: the feature tests do that).

A route the resolver knows but this table does not fails the matrix test, naming it.
"""

from dataclasses import dataclass, field

from internships.models import Role
from tests.security.routes import ANONYMOUS, LINK_HOLDER, ROLES

R = Role
LOGIN = 302  # sent to the login page (or, logged in, on to their home)
ALLOWED = 0  # may POST: not tried by the matrix
ACCOUNT_ROLES = ROLES[:-2]
Expect = dict[str, int]


def expect(allowed: Expect | None = None, *, others: int = 403, anonymous: int = LOGIN) -> Expect:
    """Statuses per role: `allowed`, `others` for the remaining roles with an account, and
    `anonymous` for the visitor without an account (with or without a link)."""
    table = dict.fromkeys(ACCOUNT_ROLES, others) | dict.fromkeys(
        (ANONYMOUS, LINK_HOLDER), anonymous
    )
    return table | (allowed or {})


def ok(*roles: str, others: int = 403, **exceptions: int) -> Expect:
    """200 for `roles`; `others` for the other account holders; login for the rest."""
    return expect(dict.fromkeys(roles, 200) | exceptions, others=others)


@dataclass(frozen=True)
class Access:
    get: Expect
    post: Expect | None = field(default=None)  # POST-only routes: see the module's docstring


def post_only(*allowed: str, refused: int = 403, public: bool = False, **exceptions: int) -> Access:
    """A POST-only route: GET is 405 past the login; POST by others is `refused` or as named."""
    anonymous = 405 if public else LOGIN
    post = expect(
        dict.fromkeys(allowed, ALLOWED) | exceptions,
        others=refused,
        anonymous=ALLOWED if public else LOGIN,
    )
    return Access(get=expect(others=405, anonymous=anonymous), post=post)


COORDINATOR = Access(ok(R.COORDINATOR))
STUDENT = Access(ok(R.STUDENT))
EVERY_ACCOUNT = Access(expect(others=200))
PUBLIC = Access(expect(others=200, anonymous=200))
# Token routes: the token is the only credential. Everyone but the link's holder tries a token
# nobody was given.
LINK = Access(expect({LINK_HOLDER: 200}, others=404, anonymous=404))
LINK_POST = Access(
    get=expect(others=405, anonymous=405),
    post=expect({LINK_HOLDER: ALLOWED}, others=404, anonymous=404),
)
# The people of one placement: student, mentor, director, school teacher educator, qualified
# supervisor and study coach; the coordinator; others see no such placement (404).
PLACEMENT_PEOPLE = (
    R.STUDENT,
    R.MENTOR,
    R.DIRECTOR,
    R.SCHOOL_TEACHER_EDUCATOR,
    R.QUALIFIED_SUPERVISOR,
    R.STUDY_COACH,
    R.COORDINATOR,
)
OF_PLACEMENT = Access(ok(*PLACEMENT_PEOPLE, others=404))
# The lesson assessment: the student, the mentor, the assessors and the coordinator.
LESSON = ok(
    R.STUDENT,
    R.MENTOR,
    R.SCHOOL_TEACHER_EDUCATOR,
    R.ASSESSOR,
    R.COORDINATOR,
    **{R.QUALIFIED_SUPERVISOR: 404, R.GRADUATION_SUPERVISOR: 404},
)
# The professional product: its graduation supervisor, practice supervisor and mentor.
PRODUCT_STAFF = (R.MENTOR, R.PRACTICE_SUPERVISOR, R.GRADUATION_SUPERVISOR, R.COORDINATOR)
SIGNOFF = post_only(R.STUDENT, R.COORDINATOR, refused=404)

ACCESS: dict[str, Access] = {
    # Accounts: open to everyone, or to every account.
    "accounts:login": Access(expect(others=LOGIN, anonymous=200)),
    "accounts:logout": post_only(*ACCOUNT_ROLES),
    "accounts:password-change": EVERY_ACCOUNT,
    "accounts:password-change-done": EVERY_ACCOUNT,
    "accounts:profile": EVERY_ACCOUNT,
    "accounts:password-reset": PUBLIC,
    "accounts:password-reset-done": PUBLIC,
    "accounts:password-reset-complete": PUBLIC,
    # A made-up token shows "invalid link"; the real one goes on to the new-password form.
    "accounts:password-reset-confirm": Access(
        expect({LINK_HOLDER: 302}, others=200, anonymous=200)
    ),
    "home": Access(expect(others=LOGIN)),
    "healthz": PUBLIC,
    "language-switch": post_only(*ROLES, public=True),
    # The LIO assessment lesson (track NL).
    "assessments:list": Access(
        ok(
            R.MENTOR,
            R.SCHOOL_TEACHER_EDUCATOR,
            R.QUALIFIED_SUPERVISOR,
            R.GRADUATION_SUPERVISOR,
            R.ASSESSOR,
            R.COORDINATOR,
        )
    ),
    "assessments:mine": STUDENT,
    "assessments:schedule": COORDINATOR,
    "assessments:assessor-assign": COORDINATOR,
    "assessments:schedule-edit": COORDINATOR,
    "assessments:cancel": post_only(R.COORDINATOR),
    "assessments:detail": Access(LESSON),
    "assessments:ics": Access(LESSON),
    "assessments:form": Access(ok(R.ASSESSOR, **{R.GRADUATION_SUPERVISOR: 404})),
    "assessments:preparation-upload": post_only(R.STUDENT),
    # The lesson preparation is for the assessors, not the mentor.
    "assessments:preparation-download": Access(LESSON | {R.MENTOR: 403}),
    # The PDF exists once the result is in: not yet, so 404 for those who may read it.
    "assessments:pdf": Access(
        expect(
            dict.fromkeys(
                (
                    R.STUDENT,
                    R.SCHOOL_TEACHER_EDUCATOR,
                    R.QUALIFIED_SUPERVISOR,
                    R.GRADUATION_SUPERVISOR,
                    R.ASSESSOR,
                    R.COORDINATOR,
                ),
                404,
            )
        )
    ),
    # History and personal data: coordinators only.
    **{
        f"audit:{kind}-history": COORDINATOR
        for kind in (
            "start-application",
            "observation",
            "assessment",
            "product",
            "work",
            "sketch",
            "placement",
        )
    },
    "privacy:people": COORDINATOR,
    "privacy:export-log": COORDINATOR,
    "privacy:person": COORDINATOR,
    "privacy:person-export": post_only(R.COORDINATOR),
    # Signing: the signer signs; the student and the coordinator manage the requests.
    "signoffs:done": PUBLIC,
    "signoffs:link": LINK,
    "signoffs:request-act": post_only(R.DIRECTOR, refused=404),
    "signoffs:request-resend": SIGNOFF,
    "signoffs:request-revoke": SIGNOFF,
    # Placements, students, schools, calendars: the coordinator's set-up.
    "internships:my-lio": STUDENT,
    "internships:my-students": Access(ok(*ACCOUNT_ROLES[1:-1])),
    "internships:overview": COORDINATOR,
    "internships:institution-switch": post_only(refused=404),
    "internships:placement-list": COORDINATOR,
    "internships:placement-detail": OF_PLACEMENT,
    "internships:student-list": COORDINATOR,
    "internships:student-export-csv": COORDINATOR,
    "internships:student-export-xlsx": COORDINATOR,
    "internships:student-detail": COORDINATOR,
    "internships:entry-requirements-update": post_only(R.COORDINATOR),
    "internships:import": COORDINATOR,
    "internships:import-confirm": post_only(R.COORDINATOR),
    "internships:school-list": COORDINATOR,
    "internships:school-detail": COORDINATOR,
    "internships:calendar-list": COORDINATOR,
    "internships:school-calendar": COORDINATOR,
    "internships:override-create": COORDINATOR,
    "internships:override-update": COORDINATOR,
    "internships:override-delete": post_only(R.COORDINATOR),
    "internships:planner": Access(ok(R.STUDENT, R.COORDINATOR)),
    # LIO days (track NL): the student logs, the mentor confirms.
    "internships:day-log": STUDENT,
    "internships:day-edit": STUDENT,
    "internships:feed-renew": post_only(R.STUDENT),
    "internships:feed-revoke": post_only(R.STUDENT),
    "internships:lio-feed": LINK,
    "internships:placement-days": Access(ok(*PLACEMENT_PEOPLE, others=404, **{R.STUDENT: 403})),
    "internships:placement-days-confirm": post_only(R.MENTOR),
    # The start application (track NL).
    "internships:start-application-edit": STUDENT,
    "internships:start-application-plan-preview": STUDENT,
    "internships:start-application-list": COORDINATOR,
    "internships:start-application-detail": Access(
        ok(R.STUDENT, R.MENTOR, R.DIRECTOR, R.STUDY_COACH, R.COORDINATOR)
    ),
    "internships:start-application-confirm": post_only(R.COORDINATOR),
    "internships:start-application-return": post_only(R.COORDINATOR),
    "internships:start-application-pdf": OF_PLACEMENT,
    # Observations (track VL here): the mentor writes and signs off, the student acknowledges.
    "internships:my-observations": STUDENT,
    "internships:mentor-observations": Access(ok(R.MENTOR)),
    "internships:short-months": COORDINATOR,
    "internships:observation-detail": OF_PLACEMENT,
    "internships:observation-edit": Access(ok(R.MENTOR)),
    "internships:observation-correct": Access(ok(R.MENTOR)),
    "internships:observation-new": Access(ok(R.MENTOR)),
    "internships:observation-sign-off": post_only(R.MENTOR),
    # GET only shows the observation again (a redirect); acknowledging is a POST.
    "internships:observation-acknowledge": Access(ok(R.STUDENT) | {R.STUDENT: 302}),
    "internships:placement-observations": OF_PLACEMENT,
    "internships:mentor-link-send": post_only(R.STUDENT, R.COORDINATOR),
    "internships:mentor-link-revoke": post_only(R.STUDENT, R.COORDINATOR),
    # The mentor's pages behind a personal link.
    "internships:mentor-page": LINK,
    "internships:mentor-observation-new": LINK,
    "internships:mentor-observation": LINK,
    "internships:mentor-observation-correct": LINK,
    "internships:mentor-days-confirm": LINK_POST,
    # Feedforward (track NL) and intervision (track VL).
    "internships:feedforward": OF_PLACEMENT,
    "internships:my-feedforward": STUDENT,
    "internships:intervision-list": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "internships:intervision-new": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "internships:intervision-missed": COORDINATOR,
    "internships:intervision-detail": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "internships:my-intervisions": STUDENT,
    "internships:intervision-reflect": post_only(R.STUDENT),
    # Orientation talks (track VL): booking is public; staff manage the slots.
    "internships:talk-book": PUBLIC,
    "internships:talk-booked": PUBLIC,
    "internships:talk-cancel": LINK,
    "internships:talk-slots": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "internships:talk-slot-withdraw": post_only(R.STUDY_COACH, R.COORDINATOR),
    "internships:talk-booking-cancel": post_only(R.STUDY_COACH, R.COORDINATOR),
    # The assignment portfolio (track VL): the student works, the study coach gives feedback.
    "portfolio:mine": STUDENT,
    "portfolio:assignment-work": STUDENT,
    "portfolio:attachment-upload": post_only(R.STUDENT),
    "portfolio:attachment-download": Access(ok(R.STUDENT, R.STUDY_COACH, R.COORDINATOR)),
    "portfolio:attachment-delete": post_only(R.STUDENT),
    "portfolio:feedback-queue": Access(ok(R.STUDY_COACH)),
    "portfolio:work-detail": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "portfolio:work-review": post_only(R.STUDY_COACH),
    "portfolio:student-list": COORDINATOR,
    "portfolio:student-portfolio": Access(ok(R.STUDY_COACH, R.COORDINATOR)),
    "portfolio:portfolio-pdf": Access(ok(R.STUDENT, R.STUDY_COACH, R.COORDINATOR)),
    "portfolio:assignment-list": COORDINATOR,
    "portfolio:assignment-new": COORDINATOR,
    "portfolio:assignment-edit": COORDINATOR,
    "portfolio:assignment-delete": post_only(R.COORDINATOR),
    # The profile sketch (track NL): the student writes, the graduation supervisor assesses.
    "portfolio:section-add": post_only(R.STUDENT),
    "portfolio:section-edit": STUDENT,
    "portfolio:section-delete": post_only(R.STUDENT),
    "portfolio:image-upload": post_only(R.STUDENT),
    "portfolio:sketch-image": Access(ok(R.STUDENT, R.GRADUATION_SUPERVISOR, R.COORDINATOR)),
    "portfolio:image-delete": post_only(R.STUDENT),
    "portfolio:sketch-submit": post_only(R.STUDENT),
    "portfolio:sketch-list": Access(ok(R.GRADUATION_SUPERVISOR, R.COORDINATOR)),
    "portfolio:sketch-detail": Access(ok(R.GRADUATION_SUPERVISOR, R.COORDINATOR)),
    "portfolio:sketch-assess": post_only(R.GRADUATION_SUPERVISOR),
    "portfolio:sketch-pdf": Access(ok(R.STUDENT, R.GRADUATION_SUPERVISOR, R.COORDINATOR)),
    # The professional product (track NL).
    "portfolio:product-mine": STUDENT,
    # The student's product has started: the start form sends them to it.
    "portfolio:product-start": Access(ok(R.STUDENT) | {R.STUDENT: 302}),
    "portfolio:product-upload": post_only(R.STUDENT),
    "portfolio:product-list": Access(ok(*PRODUCT_STAFF)),
    "portfolio:product-detail": Access(ok(*PRODUCT_STAFF)),
    "portfolio:product-approve": post_only(R.COORDINATOR),
    "portfolio:product-return": post_only(R.COORDINATOR),
    "portfolio:product-exemption": post_only(R.COORDINATOR),
    "portfolio:product-exemption-withdraw": post_only(R.COORDINATOR),
    "portfolio:product-assess": post_only(R.GRADUATION_SUPERVISOR),
    "portfolio:product-version": Access(ok(R.STUDENT, *PRODUCT_STAFF)),
    "portfolio:product-review": post_only(R.GRADUATION_SUPERVISOR),
    # The evaluation form: the student sees it once signed (404 before).
    "portfolio:product-evaluation": Access(
        ok(R.PRACTICE_SUPERVISOR, R.GRADUATION_SUPERVISOR, R.COORDINATOR, **{R.STUDENT: 404})
    ),
    "portfolio:product-evaluation-pdf": Access(
        ok(R.PRACTICE_SUPERVISOR, R.GRADUATION_SUPERVISOR, R.COORDINATOR, **{R.STUDENT: 404})
    ),
    "portfolio:product-evaluation-resend": post_only(R.GRADUATION_SUPERVISOR, R.COORDINATOR),
    "portfolio:evaluation-link": LINK,
    "portfolio:evaluation-link-report": LINK,
    "portfolio:product-setup": COORDINATOR,
    "portfolio:product-lists-seed": post_only(R.COORDINATOR),
    "portfolio:product-programme-settings": post_only(R.COORDINATOR),
    "portfolio:product-entry-add": post_only(R.COORDINATOR),
    "portfolio:product-entry-edit": COORDINATOR,
    "portfolio:product-entry-toggle": post_only(R.COORDINATOR),
}
