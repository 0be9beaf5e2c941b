from .assignments import (
    THEMES_BY_YEAR,
    Assignment,
    AssignmentWork,
    Attachment,
    Theme,
    WorkFeedback,
    WorkVersion,
)
from .product import (
    ACTIVE_STATUSES,
    STARTED_STATUSES,
    ExpertiseArea,
    ProductEvent,
    ProductSettings,
    ProductStatus,
    ProductType,
    ProfessionalProduct,
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
    "ACTIVE_STATUSES",
    "EDITABLE_STATUSES",
    "STARTED_STATUSES",
    "THEMES_BY_YEAR",
    "Assignment",
    "AssignmentWork",
    "Attachment",
    "ExpertiseArea",
    "ProductEvent",
    "ProductSettings",
    "ProductStatus",
    "ProductType",
    "ProfessionalProduct",
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
