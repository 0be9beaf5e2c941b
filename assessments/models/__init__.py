from .credits import CreditAward
from .lesson import (
    REQUIREMENT_KEYS,
    REQUIREMENTS,
    AssessorBasis,
    CoAssessorBasis,
    LessonAssessment,
    LessonPreparation,
)
from .people import AssessorAssignment

__all__ = [
    "REQUIREMENTS",
    "REQUIREMENT_KEYS",
    "AssessorAssignment",
    "AssessorBasis",
    "CoAssessorBasis",
    "CreditAward",
    "LessonAssessment",
    "LessonPreparation",
]
