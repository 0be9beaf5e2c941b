"""Writes of the portfolio: one service per transition, each checking its from-state."""

from .assignments import assignment_create, assignment_delete, assignment_update
from .sketches import (
    profile_sketch_assess,
    profile_sketch_submit,
    sketch_image_add,
    sketch_image_remove,
    sketch_section_add,
    sketch_section_delete,
    sketch_section_update,
)
from .work import (
    assignment_work_approve,
    assignment_work_request_revision,
    assignment_work_save,
    assignment_work_submit,
    attachment_add,
    attachment_remove,
)

__all__ = [
    "assignment_create",
    "assignment_delete",
    "assignment_update",
    "assignment_work_approve",
    "assignment_work_request_revision",
    "assignment_work_save",
    "assignment_work_submit",
    "attachment_add",
    "attachment_remove",
    "profile_sketch_assess",
    "profile_sketch_submit",
    "sketch_image_add",
    "sketch_image_remove",
    "sketch_section_add",
    "sketch_section_delete",
    "sketch_section_update",
]
