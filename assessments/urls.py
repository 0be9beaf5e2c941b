from django.urls import path

from .views import assessment, files, scheduling

app_name = "assessments"

urlpatterns = [
    path("", scheduling.assessment_list, name="list"),
    path("mine/", assessment.my_assessment, name="mine"),
    path("schedule/<int:placement_pk>/", scheduling.schedule_new, name="schedule"),
    path(
        "schedule/<int:placement_pk>/assessor/",
        scheduling.assessor_assign_view,
        name="assessor-assign",
    ),
    path("<int:pk>/", assessment.assessment_detail, name="detail"),
    path("<int:pk>/visit/", scheduling.schedule_edit, name="schedule-edit"),
    path("<int:pk>/cancel/", scheduling.cancel, name="cancel"),
    path("<int:pk>/form/", assessment.assessment_form, name="form"),
    path("<int:pk>/preparation/", files.preparation_upload, name="preparation-upload"),
    path(
        "<int:pk>/preparation/download/",
        files.preparation_download,
        name="preparation-download",
    ),
    path("<int:pk>/pdf/", files.assessment_pdf, name="pdf"),
    path("<int:pk>/appointment.ics", files.assessment_ics, name="ics"),
]
