from django.urls import path

from . import views

app_name = "signoffs"

urlpatterns = [
    path("sign/done/", views.done, name="done"),
    path("sign/<str:token>/", views.link_page, name="link"),
    path("signature-requests/<int:pk>/act/", views.request_act, name="request-act"),
    path("signature-requests/<int:pk>/resend/", views.request_resend, name="request-resend"),
    path("signature-requests/<int:pk>/revoke/", views.request_revoke, name="request-revoke"),
]
