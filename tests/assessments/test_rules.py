"""The assessor rule and the justification rule, as plain functions (DOMAIN.md, "LIO assessment
lesson"): each case of who assesses, and when scheduling is refused."""

import pytest

from assessments.models import AssessorBasis, CoAssessorBasis
from assessments.rules import assessors_for, justification_required
from internships.models import Person
from portfolio.selectors import ProductSupervision


def person(name: str, pk: int) -> Person:
    return Person(pk=pk, first_name=name, last_name="Test", email=f"{name}@example.org")


SUPERVISOR = person("supervisor", 1)
ASSIGNED = person("assigned", 2)
EDUCATOR = person("educator", 3)
QUALIFIED = person("qualified", 4)
MENTOR = person("mentor", 5)

STARTED = ProductSupervision(exempt=False, started=True, graduation_supervisor=SUPERVISOR)
EXEMPT = ProductSupervision(exempt=True, started=False, graduation_supervisor=None)
NOT_STARTED = ProductSupervision(exempt=False, started=False, graduation_supervisor=None)


def choose(supervision: ProductSupervision, **changes: object):  # type: ignore[no-untyped-def]
    values: dict[str, object] = {
        "supervision": supervision,
        "in_partnership": True,
        "teacher_educators": [EDUCATOR],
        "qualified_supervisors": [QUALIFIED],
        "assigned_assessor": ASSIGNED,
        "mentor": MENTOR,
    }
    values.update(changes)
    return assessors_for(**values)  # type: ignore[arg-type]


def test_by_default_the_graduation_supervisor_assesses_with_the_teacher_educator() -> None:
    choice = choose(STARTED)
    assert choice.possible
    assert choice.assessor == SUPERVISOR
    assert choice.assessor_basis == AssessorBasis.GRADUATION_SUPERVISOR
    assert choice.co_assessor == EDUCATOR
    assert choice.co_assessor_basis == CoAssessorBasis.SCHOOL_TEACHER_EDUCATOR
    assert "Graduation supervisor" in choice.assessor_reason
    assert "teacher educator" in choice.co_assessor_reason


def test_a_started_product_ignores_the_assigned_assessor() -> None:
    assert choose(STARTED, assigned_assessor=ASSIGNED).assessor == SUPERVISOR


def test_an_exempt_student_gets_the_assigned_assessor() -> None:
    choice = choose(EXEMPT)
    assert choice.possible
    assert choice.assessor == ASSIGNED
    assert choice.assessor_basis == AssessorBasis.EXEMPT
    assert "exemption" in choice.assessor_reason


def test_exemption_wins_over_a_started_product() -> None:
    exempt_but_started = ProductSupervision(
        exempt=True, started=True, graduation_supervisor=SUPERVISOR
    )
    assert choose(exempt_but_started).assessor == ASSIGNED


def test_a_student_who_has_not_started_gets_the_assigned_assessor() -> None:
    choice = choose(NOT_STARTED)
    assert choice.possible
    assert choice.assessor == ASSIGNED
    assert choice.assessor_basis == AssessorBasis.NOT_STARTED
    assert "not started" in choice.assessor_reason


def test_outside_the_partnership_the_qualified_supervisor_is_advisory_co_assessor() -> None:
    choice = choose(STARTED, in_partnership=False)
    assert choice.possible
    assert choice.co_assessor == QUALIFIED
    assert choice.co_assessor_basis == CoAssessorBasis.QUALIFIED_SUPERVISOR
    assert "advisory" in choice.co_assessor_reason


@pytest.mark.parametrize("supervision", [EXEMPT, NOT_STARTED], ids=["exempt", "not-started"])
def test_without_an_assigned_assessor_scheduling_is_refused(
    supervision: ProductSupervision,
) -> None:
    choice = choose(supervision, assigned_assessor=None)
    assert not choice.possible
    assert choice.assessor is None
    assert "assign an assessor" in choice.problems[0]


def test_a_started_product_without_supervisor_is_refused() -> None:
    odd = ProductSupervision(exempt=False, started=True, graduation_supervisor=None)
    choice = choose(odd)
    assert not choice.possible
    assert "graduation supervisor" in choice.problems[0]


def test_a_school_in_the_partnership_without_teacher_educator_is_refused() -> None:
    choice = choose(STARTED, teacher_educators=[])
    assert not choice.possible
    assert choice.co_assessor is None
    assert "teacher educator" in choice.problems[0]


def test_a_school_outside_the_partnership_without_qualified_supervisor_is_refused() -> None:
    choice = choose(STARTED, in_partnership=False, qualified_supervisors=[])
    assert not choice.possible
    assert "qualified supervisor" in choice.problems[0]


def test_outside_the_partnership_a_teacher_educator_does_not_count() -> None:
    choice = choose(STARTED, in_partnership=False, qualified_supervisors=[])
    assert choice.co_assessor != EDUCATOR


def test_the_mentor_is_never_co_assessor() -> None:
    choice = choose(STARTED, teacher_educators=[MENTOR])
    assert not choice.possible
    assert choice.co_assessor is None


def test_the_preferred_co_assessor_is_taken_when_eligible() -> None:
    other = person("other", 6)
    assert (
        choose(
            STARTED, teacher_educators=[EDUCATOR, other], preferred_co_assessor=other
        ).co_assessor
        == other
    )
    assert choose(STARTED, preferred_co_assessor=QUALIFIED).co_assessor == EDUCATOR


def test_missing_both_lists_both_problems() -> None:
    choice = choose(NOT_STARTED, assigned_assessor=None, teacher_educators=[])
    assert len(choice.problems) == 2


ALL_MET = [True] * 5
ONE_UNMET = [True, True, False, True, True]


@pytest.mark.parametrize(
    ("judgements", "result", "needed"),
    [
        (ALL_MET, "fail", True),
        (ONE_UNMET, "pass", True),
        ([False] * 5, "pass", True),
        (ALL_MET, "pass", False),
        (ONE_UNMET, "fail", False),
        (ALL_MET, "", False),
    ],
)
def test_a_result_against_the_requirements_needs_a_justification(
    judgements: list[bool], result: str, needed: bool
) -> None:
    assert justification_required(judgements=judgements, result=result) is needed
