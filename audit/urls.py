from django.urls import path

from . import views
from .kinds import KINDS

app_name = "audit"

# One route per kind of record (`audit:placement-history`, …), each with the record's key.
urlpatterns = [
    path(
        f"history/{kind}/<int:pk>/",
        views.record_history_view,
        {"kind": kind},
        name=f"{kind}-history",
    )
    for kind in KINDS
]
