from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.PeopleView.as_view(), name="people"),
    path("exports/", views.ExportLogView.as_view(), name="export-log"),
    path("people/<int:pk>/", views.PersonDataView.as_view(), name="person"),
    path("people/<int:pk>/export/", views.person_data_download, name="person-export"),
]
