from .assignments import (
    THEMES_BY_YEAR,
    Assignment,
    AssignmentWork,
    Attachment,
    Theme,
    WorkFeedback,
    WorkVersion,
)
from .sketches import (
    ProfileSketch,
    SketchAssessment,
    SketchImage,
    SketchSection,
    SketchVersion,
)
from .status import EDITABLE_STATUSES, WorkStatus

__all__ = [
    "EDITABLE_STATUSES",
    "THEMES_BY_YEAR",
    "Assignment",
    "AssignmentWork",
    "Attachment",
    "ProfileSketch",
    "SketchAssessment",
    "SketchImage",
    "SketchSection",
    "SketchVersion",
    "Theme",
    "WorkFeedback",
    "WorkStatus",
    "WorkVersion",
]
