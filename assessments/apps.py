from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    name = "assessments"
    verbose_name = _("Assessments")

    def ready(self) -> None:
        from internships.demo_scale import register_bulk_seeder

        from .action_providers import register_assessment_actions
        from .demo_scale import seed_assessments_scale
        from .signables import register_signables

        register_signables()
        register_assessment_actions()
        register_bulk_seeder(seed_assessments_scale)
