from django.contrib import admin
from django.urls import include, path

from accounts.views import language_switch
from internships.views import home
from lio_portal.health import healthz

admin.site.site_header = "LIO-portaal"
admin.site.site_title = "LIO-portaal"

urlpatterns = [
    path("", home, name="home"),
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("accounts.urls")),
    path("language/", language_switch, name="language-switch"),
    path("admin/", admin.site.urls),
    path("portfolio/", include("portfolio.urls")),
    path("assessments/", include("assessments.urls")),
    path("", include("audit.urls")),
    path("personal-data/", include("privacy.urls")),
    path("", include("signoffs.urls")),
    path("", include("internships.urls")),
]
