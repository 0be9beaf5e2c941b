from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("History")

    def ready(self) -> None:
        from . import actor  # noqa: F401 - connects the receiver that records who acted
