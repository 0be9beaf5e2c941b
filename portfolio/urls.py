from django.urls import path

from .views import manage, sketches, staff, student

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
]
