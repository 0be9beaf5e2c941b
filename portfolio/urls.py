from django.urls import path

from .views import (
    manage,
    product_evaluation,
    product_setup,
    product_staff,
    product_student,
    sketches,
    staff,
    student,
)

app_name = "portfolio"

urlpatterns = [
    # The student: the assignment portfolio (track VL) or the profile sketch (track NL).
    path("", student.my_portfolio, name="mine"),
    path("assignments/<int:pk>/", student.assignment_work, name="assignment-work"),
    path("assignments/<int:pk>/attachments/", student.attachment_upload, name="attachment-upload"),
    path("attachments/<int:pk>/", staff.attachment_download, name="attachment-download"),
    path("attachments/<int:pk>/remove/", student.attachment_delete, name="attachment-delete"),
    path("sketch/sections/", sketches.section_add, name="section-add"),
    path("sketch/sections/<int:pk>/", sketches.section_edit, name="section-edit"),
    path("sketch/sections/<int:pk>/delete/", sketches.section_delete, name="section-delete"),
    path("sketch/sections/<int:pk>/images/", sketches.image_upload, name="image-upload"),
    path("sketch/images/<int:pk>/", sketches.sketch_image, name="sketch-image"),
    path("sketch/images/<int:pk>/remove/", sketches.image_delete, name="image-delete"),
    path("sketch/submit/", sketches.sketch_submit, name="sketch-submit"),
    # The study coach and the coordinator.
    path("feedback/", staff.feedback_queue, name="feedback-queue"),
    path("work/<int:pk>/", staff.work_detail, name="work-detail"),
    path("work/<int:pk>/review/", staff.work_review, name="work-review"),
    path("students/", manage.student_list, name="student-list"),
    path("students/<int:pk>/", staff.student_portfolio, name="student-portfolio"),
    path("students/<int:pk>/pdf/", staff.student_portfolio_pdf, name="portfolio-pdf"),
    path("assignments/", manage.assignment_list, name="assignment-list"),
    path("assignments/new/", manage.assignment_new, name="assignment-new"),
    path("assignments/<int:pk>/edit/", manage.assignment_edit, name="assignment-edit"),
    path("assignments/<int:pk>/delete/", manage.assignment_remove, name="assignment-delete"),
    # Profile sketches: graduation supervisors and the coordinator.
    path("sketches/", sketches.sketch_list, name="sketch-list"),
    path("sketches/<int:pk>/", sketches.sketch_detail, name="sketch-detail"),
    path("sketches/<int:pk>/assess/", sketches.sketch_assess, name="sketch-assess"),
    path("sketches/<int:pk>/pdf/", sketches.sketch_pdf, name="sketch-pdf"),
    # The professional product (track NL).
    path("product/", product_student.my_product, name="product-mine"),
    path("product/start/", product_student.start_form, name="product-start"),
    path(
        "product/phases/<int:phase>/versions/",
        product_student.version_upload,
        name="product-upload",
    ),
    path("products/", product_staff.product_list, name="product-list"),
    path("products/<int:pk>/", product_staff.product_detail, name="product-detail"),
    path("products/<int:pk>/approve/", product_staff.product_approve, name="product-approve"),
    path("products/<int:pk>/return/", product_staff.product_return, name="product-return"),
    path("products/<int:pk>/exemption/", product_staff.product_exemption, name="product-exemption"),
    path(
        "products/<int:pk>/exemption/withdraw/",
        product_staff.product_exemption_withdraw_view,
        name="product-exemption-withdraw",
    ),
    path(
        "products/<int:pk>/parts/<int:part>/assess/",
        product_staff.part_assess_view,
        name="product-assess",
    ),
    path("products/versions/<int:pk>/", product_staff.version_download, name="product-version"),
    path(
        "products/versions/<int:pk>/review/",
        product_staff.version_review,
        name="product-review",
    ),
    path(
        "products/<int:pk>/evaluation/",
        product_evaluation.evaluation_page,
        name="product-evaluation",
    ),
    path(
        "products/<int:pk>/evaluation/pdf/",
        product_evaluation.evaluation_pdf,
        name="product-evaluation-pdf",
    ),
    path(
        "products/<int:pk>/evaluation/resend/",
        product_evaluation.evaluation_resend,
        name="product-evaluation-resend",
    ),
    path("evaluation/<str:token>/", product_evaluation.evaluation_link, name="evaluation-link"),
    path(
        "evaluation/<str:token>/final-report/",
        product_evaluation.evaluation_link_report,
        name="evaluation-link-report",
    ),
    path("products/setup/", product_setup.setup, name="product-setup"),
    path("products/setup/standard/", product_setup.lists_seed, name="product-lists-seed"),
    path(
        "products/setup/programmes/<int:pk>/",
        product_setup.programme_settings,
        name="product-programme-settings",
    ),
    path("products/setup/<str:kind>/", product_setup.entry_add, name="product-entry-add"),
    path(
        "products/setup/<str:kind>/<int:pk>/",
        product_setup.entry_edit,
        name="product-entry-edit",
    ),
    path(
        "products/setup/<str:kind>/<int:pk>/toggle/",
        product_setup.entry_toggle,
        name="product-entry-toggle",
    ),
]
