"""The rules of the LIO assessment lesson as plain functions over plain values.

DOMAIN.md, "LIO assessment lesson" (seed 002): the graduation supervisor of the professional
product assesses by default; a student with an exemption for the product, or who has not started
it, gets an assessor assigned by the institution. The co-assessor is the school-based teacher
educator; at a school outside the partnership it is the school's pre-registered qualified
supervisor, as advisory assessor. The mentor is not in the classroom during the lesson, so the
mentor can be neither.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from internships.models import Person
from portfolio.selectors import ProductSupervision

from .models import AssessorBasis, CoAssessorBasis, LessonAssessment


@dataclass(frozen=True)
class AssessorChoice:
    """Who assesses and why, or why the visit cannot be scheduled (`problems`)."""

    assessor: Person | None
    assessor_basis: str
    co_assessor: Person | None
    co_assessor_basis: str
    problems: tuple[str, ...] = ()

    @property
    def possible(self) -> bool:
        return not self.problems

    @property
    def assessor_reason(self) -> str:
        return str(AssessorBasis(self.assessor_basis).label) if self.assessor_basis else ""

    @property
    def co_assessor_reason(self) -> str:
        return str(CoAssessorBasis(self.co_assessor_basis).label) if self.co_assessor_basis else ""

    @property
    def needs_assigned_assessor(self) -> bool:
        return self.assessor_basis in (AssessorBasis.EXEMPT, AssessorBasis.NOT_STARTED)


def assessors_for(
    *,
    supervision: ProductSupervision,
    in_partnership: bool,
    teacher_educators: Sequence[Person],
    qualified_supervisors: Sequence[Person],
    assigned_assessor: Person | None,
    mentor: Person | None = None,
    preferred_co_assessor: Person | None = None,
) -> AssessorChoice:
    """Pick assessor and co-assessor by the rule; both are needed to schedule the visit."""
    assessor, basis, problem = _assessor(supervision, assigned_assessor)
    problems = [problem] if problem else []
    candidates = co_assessor_candidates(
        in_partnership=in_partnership,
        teacher_educators=teacher_educators,
        qualified_supervisors=qualified_supervisors,
        mentor=mentor,
    )
    co_basis = (
        CoAssessorBasis.SCHOOL_TEACHER_EDUCATOR
        if in_partnership
        else CoAssessorBasis.QUALIFIED_SUPERVISOR
    )
    co_assessor = next((p for p in candidates if p == preferred_co_assessor), None)
    co_assessor = co_assessor or (candidates[0] if candidates else None)
    if co_assessor is None:
        problems.append(_no_co_assessor_problem(in_partnership))
    if mentor is not None and assessor == mentor:
        problems.append(_("The student's mentor cannot be the assessor."))
        assessor = None
    if assessor is not None and assessor == co_assessor:
        problems.append(_("The assessor and the co-assessor must be two different people."))
    return AssessorChoice(
        assessor=assessor,
        assessor_basis=basis,
        co_assessor=co_assessor,
        co_assessor_basis=co_basis.value,
        problems=tuple(problems),
    )


def _assessor(
    supervision: ProductSupervision, assigned_assessor: Person | None
) -> tuple[Person | None, str, str]:
    """(assessor, basis, problem): the assigned assessor when exempt or not started."""
    if supervision.exempt or not supervision.started:
        basis = AssessorBasis.EXEMPT if supervision.exempt else AssessorBasis.NOT_STARTED
        if assigned_assessor is not None:
            return assigned_assessor, basis.value, ""
        if supervision.exempt:
            problem = _(
                "The student has an exemption for the professional product: the internship "
                "coordinator must assign an assessor first."
            )
        else:
            problem = _(
                "The student has not started the professional product: the internship "
                "coordinator must assign an assessor first."
            )
        return None, basis.value, problem
    if supervision.graduation_supervisor is None:
        return (
            None,
            AssessorBasis.GRADUATION_SUPERVISOR.value,
            _("The professional product has no graduation supervisor yet."),
        )
    return supervision.graduation_supervisor, AssessorBasis.GRADUATION_SUPERVISOR.value, ""


def co_assessor_candidates(
    *,
    in_partnership: bool,
    teacher_educators: Sequence[Person],
    qualified_supervisors: Sequence[Person],
    mentor: Person | None,
) -> list[Person]:
    """Who may be co-assessor at this school: never the mentor, who is not in the classroom."""
    pool = teacher_educators if in_partnership else qualified_supervisors
    return [person for person in pool if mentor is None or person != mentor]


def _no_co_assessor_problem(in_partnership: bool) -> str:
    if in_partnership:
        return _(
            "The school has no school-based teacher educator (other than the student's mentor) "
            "to be co-assessor."
        )
    return _(
        "The school is outside the partnership and has no pre-registered qualified supervisor "
        "(other than the student's mentor) to be advisory assessor."
    )


def justification_required(*, judgements: Sequence[bool | None], result: str) -> bool:
    """A fail with all five requirements met, or a pass with one unmet, must be justified."""
    if result == LessonAssessment.Result.FAIL:
        return all(met is True for met in judgements)
    if result == LessonAssessment.Result.PASS:
        return any(met is False for met in judgements)
    return False
