"""The portal's URLs plus the bare view, served by the load test's server only."""

from django.urls import include, path

from .views import bare

urlpatterns = [
    path("bench/bare/", bare, name="bench-bare"),
    path("", include("lio_portal.urls")),
]
