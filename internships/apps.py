from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InternshipsConfig(AppConfig):
    name = "internships"
    verbose_name = _("Internships")

    def ready(self) -> None:
        from .action_providers import register_internship_actions
        from .demo_scale import register_bulk_seeder
        from .demo_scale.observations import seed_observations_scale
        from .signables import register_signables

        register_signables()
        register_internship_actions()
        register_bulk_seeder(seed_observations_scale)
