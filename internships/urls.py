from django.urls import path

from . import views

app_name = "internships"

urlpatterns = [
    path("my-lio/", views.StudentHomeView.as_view(), name="my-lio"),
    path("my-students/", views.StaffHomeView.as_view(), name="my-students"),
    path("overview/", views.CoordinatorOverviewView.as_view(), name="overview"),
    path("institution/", views.institution_switch, name="institution-switch"),
    path("placements/", views.PlacementListView.as_view(), name="placement-list"),
    path("placements/<int:pk>/", views.PlacementDetailView.as_view(), name="placement-detail"),
    path("students/", views.StudentListView.as_view(), name="student-list"),
    path("students/<int:pk>/", views.StudentDetailView.as_view(), name="student-detail"),
    path("schools/", views.SchoolListView.as_view(), name="school-list"),
    path("schools/<int:pk>/", views.SchoolDetailView.as_view(), name="school-detail"),
]
