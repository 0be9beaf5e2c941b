"""Personal records of the portfolio: its part of the data export and of retention."""

from django.utils.translation import gettext_lazy as _

from privacy.registry import Section, by, register, via

from .models import (
    AssignmentWork,
    Attachment,
    DeliverableReview,
    DeliverableVersion,
    EvaluationForm,
    PartAssessment,
    ProductEvent,
    ProfessionalProduct,
    ProfileSketch,
    SketchAssessment,
    SketchImage,
    SketchSection,
    SketchVersion,
    WorkFeedback,
    WorkVersion,
)

UPLOAD_FIELDS = ("id", "original_name", "content_type", "size", "uploaded_at")


def register_personal_data() -> None:
    """Called by the privacy app on start-up."""
    _register_assignments()
    _register_sketch()
    _register_product()
    _register_product_review()


def _register_assignments() -> None:
    register(
        Section(
            name="portfolio_work",
            model=AssignmentWork,
            description=_("Portfolio work per assignment (track VL)."),
            subject=by("student__person"),
            fields=(
                "id",
                "assignment__title",
                "assignment__theme",
                "status",
                "text",
                "submitted_at",
                "created_at",
                "updated_at",
            ),
            owner=via("student"),
            free_text=("text",),
        )
    )
    register(
        Section(
            name="portfolio_work_files",
            model=Attachment,
            description=_("Files attached to portfolio work."),
            subject=by("work__student__person", "uploaded_by"),
            fields=(*UPLOAD_FIELDS, "work_id", "removed_at"),
            people=("uploaded_by",),
            owner=via("work__student"),
            file_field="file",
            original_name_field="original_name",
        )
    )
    register(
        Section(
            name="portfolio_work_versions",
            model=WorkVersion,
            description=_("Submitted versions of portfolio work."),
            subject=by("work__student__person", "submitted_by"),
            fields=("id", "work_id", "number", "text", "submitted_at"),
            people=("submitted_by",),
            owner=via("work__student"),
            free_text=("text",),
        )
    )
    register(
        Section(
            name="portfolio_work_feedback",
            model=WorkFeedback,
            description=_("Feedback on submitted portfolio work."),
            subject=by("version__work__student__person", "coach"),
            fields=("version_id", "decision", "text", "created_at"),
            people=("coach",),
            owner=via("version__work__student"),
            free_text=("text",),
        )
    )


def _register_sketch() -> None:
    register(
        Section(
            name="profile_sketch",
            model=ProfileSketch,
            description=_("The profile sketch (track NL)."),
            subject=by("student__person"),
            fields=("id", "status", "submitted_at", "created_at", "updated_at"),
            owner=via("student"),
        )
    )
    register(
        Section(
            name="profile_sketch_sections",
            model=SketchSection,
            description=_("The text of the profile sketch, per section."),
            subject=by("sketch__student__person"),
            fields=("sketch_id", "position", "heading", "text"),
            owner=via("sketch__student"),
            free_text=("text",),
        )
    )
    register(
        Section(
            name="profile_sketch_images",
            model=SketchImage,
            description=_("Images of the profile sketch."),
            subject=by("sketch__student__person", "uploaded_by"),
            fields=(*UPLOAD_FIELDS, "sketch_id", "section_id", "alt_text", "caption", "removed_at"),
            people=("uploaded_by",),
            owner=via("sketch__student"),
            free_text=("alt_text", "caption"),
            filler=(("alt_text", "-"),),
            file_field="file",
            original_name_field="original_name",
        )
    )
    register(
        Section(
            name="profile_sketch_versions",
            model=SketchVersion,
            description=_("Submitted versions of the profile sketch."),
            subject=by("sketch__student__person", "submitted_by"),
            fields=("id", "sketch_id", "number", "content", "submitted_at"),
            people=("submitted_by",),
            owner=via("sketch__student"),
            free_text=("content",),
        )
    )
    register(
        Section(
            name="profile_sketch_assessments",
            model=SketchAssessment,
            description=_("Assessments of the profile sketch."),
            subject=by("version__sketch__student__person", "assessor"),
            fields=("version_id", "result", "feedback", "created_at"),
            people=("assessor",),
            owner=via("version__sketch__student"),
            free_text=("feedback",),
        )
    )


def _register_product() -> None:
    product_people = ("practice_supervisor", "graduation_supervisor")
    register(
        Section(
            name="professional_product",
            model=ProfessionalProduct,
            description=_("The professional product (beroepsproduct, track NL)."),
            subject=by("student__person", *product_people),
            fields=(
                "id",
                "status",
                "title",
                "question",
                "expertise_area__name",
                "product_type__name",
                "submitted_at",
                "return_comment",
                "approved_on",
                "phase_1_accepted_on",
                "phase_2_accepted_on",
                "exemption_reason",
                "created_at",
                "updated_at",
            ),
            people=product_people,
            owner=via("student"),
            free_text=("title", "question", "return_comment", "exemption_reason"),
            roles=product_people,
        )
    )
    register(
        Section(
            name="professional_product_events",
            model=ProductEvent,
            description=_("What happened to the professional product, by whom."),
            subject=by("product__student__person", "actor"),
            fields=("product_id", "action", "phase", "comment", "created_at"),
            people=("actor",),
            owner=via("product__student"),
            free_text=("comment",),
        )
    )
    register(
        Section(
            name="professional_product_deliverables",
            model=DeliverableVersion,
            description=_("Uploaded deliverables of the professional product."),
            subject=by("product__student__person", "uploaded_by"),
            fields=(*UPLOAD_FIELDS, "product_id", "phase", "number", "note"),
            people=("uploaded_by",),
            owner=via("product__student"),
            free_text=("note",),
            file_field="file",
            original_name_field="original_name",
        )
    )


def _register_product_review() -> None:
    register(
        Section(
            name="professional_product_reviews",
            model=DeliverableReview,
            description=_("Reviews of the deliverables."),
            subject=by("version__product__student__person", "reviewer"),
            fields=("version_id", "decision", "feedback", "created_at"),
            people=("reviewer",),
            owner=via("version__product__student"),
            free_text=("feedback",),
        )
    )
    register(
        Section(
            name="professional_product_assessments",
            model=PartAssessment,
            description=_("Assessments of the parts of the professional product."),
            subject=by("product__student__person", "assessor"),
            fields=("product_id", "part", "result", "credits", "motivation", "created_at"),
            people=("assessor",),
            owner=via("product__student"),
            free_text=("motivation",),
        )
    )
    register(
        Section(
            name="evaluation_forms",
            model=EvaluationForm,
            description=_("The practice supervisor's evaluation form."),
            subject=by("product__student__person", "practice_supervisor"),
            fields=(
                "id",
                "product_id",
                "status",
                "usable",
                "usable_motivation",
                "independent",
                "independent_motivation",
                "data",
                "data_motivation",
                "advice",
                "advice_motivation",
                "signed_at",
                "created_at",
                "updated_at",
            ),
            people=("practice_supervisor",),
            owner=via("product__student"),
            free_text=(
                "usable_motivation",
                "independent_motivation",
                "data_motivation",
                "advice_motivation",
            ),
            file_field="pdf",
            roles=("practice_supervisor",),
        )
    )
