from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from .action_providers import register_assessment_actions
        from .signables import register_signables

        register_signables()
        register_assessment_actions()
