from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortfolioConfig(AppConfig):
    name = "portfolio"
    verbose_name = _("Portfolio")

    def ready(self) -> None:
        from internships.demo_scale import register_bulk_seeder

        from .actions import register_portfolio_actions
        from .demo_scale import seed_portfolio_scale
        from .demo_scale_product import seed_products_scale
        from .signables import register_signables

        register_signables()
        register_portfolio_actions()
        register_bulk_seeder(seed_portfolio_scale)
        register_bulk_seeder(seed_products_scale)
