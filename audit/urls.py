from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("history/<slug:kind>/<int:pk>/", views.record_history_view, name="record-history"),
]
