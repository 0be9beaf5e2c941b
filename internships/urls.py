from django.urls import path

from . import (
    views,
    views_calendar,
    views_dashboard,
    views_days,
    views_guidance,
    views_import,
    views_mentor_link,
    views_observations,
    views_start_application,
    views_talks,
)

obs = views_observations
link = views_mentor_link
guidance = views_guidance
talks = views_talks

app_name = "internships"

urlpatterns = [
    path("my-lio/", views.StudentHomeView.as_view(), name="my-lio"),
    path("my-students/", views.StaffHomeView.as_view(), name="my-students"),
    path("overview/", views_dashboard.CoordinatorDashboardView.as_view(), name="overview"),
    path("institution/", views.institution_switch, name="institution-switch"),
    path("placements/", views.PlacementListView.as_view(), name="placement-list"),
    path("placements/<int:pk>/", views.PlacementDetailView.as_view(), name="placement-detail"),
    path("students/", views_dashboard.StudentListView.as_view(), name="student-list"),
    path(
        "students/export.csv",
        views_dashboard.student_export,
        {"extension": "csv"},
        name="student-export-csv",
    ),
    path(
        "students/export.xlsx",
        views_dashboard.student_export,
        {"extension": "xlsx"},
        name="student-export-xlsx",
    ),
    path("students/<int:pk>/", views.StudentDetailView.as_view(), name="student-detail"),
    path(
        "students/<int:pk>/entry-requirements/",
        views.entry_requirements_update,
        name="entry-requirements-update",
    ),
    path("import/", views_import.import_upload, name="import"),
    path("import/confirm/", views_import.import_confirm, name="import-confirm"),
    path("schools/", views.SchoolListView.as_view(), name="school-list"),
    path("schools/<int:pk>/", views.SchoolDetailView.as_view(), name="school-detail"),
    path("calendars/", views_calendar.calendar_list, name="calendar-list"),
    path(
        "calendars/<int:school_pk>/<int:year_pk>/",
        views_calendar.school_calendar,
        name="school-calendar",
    ),
    path("calendars/changes/new/", views_calendar.override_create, name="override-create"),
    path("calendars/changes/<int:pk>/", views_calendar.override_update, name="override-update"),
    path(
        "calendars/changes/<int:pk>/delete/",
        views_calendar.override_delete,
        name="override-delete",
    ),
    path("planner/", views_calendar.planner, name="planner"),
    path("my-lio/days/", views_days.day_log, name="day-log"),
    path("my-lio/days/<str:day>/", views_days.day_edit, name="day-edit"),
    path("my-lio/calendar-link/", views_days.feed_renew, name="feed-renew"),
    path("my-lio/calendar-link/off/", views_days.feed_revoke, name="feed-revoke"),
    path("calendar/<str:token>.ics", views_days.lio_feed, name="lio-feed"),
    path("placements/<int:pk>/days/", views_days.placement_days, name="placement-days"),
    path(
        "placements/<int:pk>/days/confirm/",
        views_days.placement_days_confirm,
        name="placement-days-confirm",
    ),
    path(
        "my-lio/start-application/",
        views_start_application.start_application_edit,
        name="start-application-edit",
    ),
    path(
        "my-lio/start-application/plan/",
        views_start_application.start_application_plan_preview,
        name="start-application-plan-preview",
    ),
    path(
        "start-applications/",
        views_start_application.StartApplicationListView.as_view(),
        name="start-application-list",
    ),
    path(
        "start-applications/<int:pk>/",
        views_start_application.StartApplicationDetailView.as_view(),
        name="start-application-detail",
    ),
    path(
        "start-applications/<int:pk>/confirm/",
        views_start_application.start_application_confirm_view,
        name="start-application-confirm",
    ),
    path(
        "start-applications/<int:pk>/return/",
        views_start_application.start_application_return_view,
        name="start-application-return",
    ),
    path(
        "start-applications/<int:pk>/pdf/",
        views_start_application.start_application_pdf_view,
        name="start-application-pdf",
    ),
    # Observations (both tracks) with the twice-a-month rule of track VL.
    path("my-lio/observations/", obs.my_observations, name="my-observations"),
    path("observations/", obs.mentor_observations, name="mentor-observations"),
    path("observations/short-months/", obs.short_months, name="short-months"),
    path("observations/<int:pk>/", obs.observation_detail, name="observation-detail"),
    path("observations/<int:pk>/edit/", obs.observation_edit, name="observation-edit"),
    path(
        "observations/<int:pk>/sign-off/",
        obs.observation_sign_off_view,
        name="observation-sign-off",
    ),
    path(
        "observations/<int:pk>/correct/", obs.observation_correct_view, name="observation-correct"
    ),
    path(
        "observations/<int:pk>/acknowledge/",
        obs.observation_acknowledge_view,
        name="observation-acknowledge",
    ),
    path(
        "placements/<int:pk>/observations/",
        obs.placement_observations,
        name="placement-observations",
    ),
    path("placements/<int:pk>/observations/new/", obs.observation_new, name="observation-new"),
    path("placements/<int:pk>/mentor-link/", obs.mentor_link_send_view, name="mentor-link-send"),
    path(
        "placements/<int:pk>/mentor-link/revoke/",
        obs.mentor_link_revoke_view,
        name="mentor-link-revoke",
    ),
    # The mentor's pages behind a personal link (no account).
    path("mentor/<str:token>/", link.mentor_page, name="mentor-page"),
    path(
        "mentor/<str:token>/observations/new/",
        link.mentor_observation_new,
        name="mentor-observation-new",
    ),
    path(
        "mentor/<str:token>/observations/<int:pk>/",
        link.mentor_observation,
        name="mentor-observation",
    ),
    path(
        "mentor/<str:token>/observations/<int:pk>/correct/",
        link.mentor_observation_correct,
        name="mentor-observation-correct",
    ),
    path("mentor/<str:token>/days/confirm/", link.mentor_days_confirm, name="mentor-days-confirm"),
    # The feedforward visit (track NL).
    path("placements/<int:pk>/feedforward/", guidance.feedforward, name="feedforward"),
    path("my-lio/feedforward/", guidance.my_feedforward, name="my-feedforward"),
    # Intervision sessions (track VL).
    path("intervisions/", guidance.intervision_list, name="intervision-list"),
    path("intervisions/new/", guidance.intervision_new, name="intervision-new"),
    path("intervisions/missed/", guidance.intervision_missed, name="intervision-missed"),
    path("intervisions/<int:pk>/", guidance.intervision_detail, name="intervision-detail"),
    path("my-lio/intervisions/", guidance.my_intervisions, name="my-intervisions"),
    path(
        "my-lio/intervisions/<int:pk>/reflection/",
        guidance.intervision_reflect,
        name="intervision-reflect",
    ),
    # Orientation talks (track VL): public booking, the cancel link, the staff's slots.
    path("talks/<int:pk>/", talks.talk_booking_page, name="talk-book"),
    path("talks/<int:pk>/booked/", talks.talk_booked, name="talk-booked"),
    path("talks/cancel/<str:token>/", talks.talk_cancel, name="talk-cancel"),
    path("talk-slots/", talks.talk_slots, name="talk-slots"),
    path("talk-slots/<int:pk>/withdraw/", talks.talk_slot_withdraw_view, name="talk-slot-withdraw"),
    path(
        "talk-bookings/<int:pk>/cancel/",
        talks.talk_booking_cancel_view,
        name="talk-booking-cancel",
    ),
]
