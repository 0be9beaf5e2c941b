"""Writes of the portfolio: one service per transition, each checking its from-state."""

from .assignments import assignment_create, assignment_delete, assignment_update
from .deliverables import deliverable_review, deliverable_upload, part_assess
from .evaluation import EvaluationData, evaluation_form_save, evaluation_link_resend
from .product_setup import (
    catalogue_entry_add,
    catalogue_entry_rename,
    catalogue_entry_set_active,
    product_lists_seed,
    product_settings_save,
)
from .products import (
    NewContact,
    StartFormData,
    product_exemption_record,
    product_exemption_withdraw,
    product_start_approve,
    product_start_return,
    product_start_submit,
)
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
    "EvaluationData",
    "NewContact",
    "StartFormData",
    "assignment_create",
    "assignment_delete",
    "assignment_update",
    "assignment_work_approve",
    "assignment_work_request_revision",
    "assignment_work_save",
    "assignment_work_submit",
    "attachment_add",
    "attachment_remove",
    "catalogue_entry_add",
    "catalogue_entry_rename",
    "catalogue_entry_set_active",
    "deliverable_review",
    "deliverable_upload",
    "evaluation_form_save",
    "evaluation_link_resend",
    "part_assess",
    "product_exemption_record",
    "product_exemption_withdraw",
    "product_lists_seed",
    "product_settings_save",
    "product_start_approve",
    "product_start_return",
    "product_start_submit",
    "profile_sketch_assess",
    "profile_sketch_submit",
    "sketch_image_add",
    "sketch_image_remove",
    "sketch_section_add",
    "sketch_section_delete",
    "sketch_section_update",
]
