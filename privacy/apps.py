from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Personal data")

    def ready(self) -> None:
        """Collect every app's `personal_data.register_personal_data()` (see registry.py)."""
        from django.apps import apps

        autodiscover_modules("personal_data")
        for config in apps.get_app_configs():
            module = getattr(config.module, "personal_data", None)
            register = getattr(module, "register_personal_data", None)
            if register is not None:
                register()
