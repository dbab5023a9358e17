from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NeedsConfig(AppConfig):
    name = "tahub.needs"
    verbose_name = _("Needs assessment")

    def ready(self):
        # Requests' suggested providers count what they offered in the latest offers questionnaire: needs sits
        # above assistance (it counts requests delivered), so it hands assistance its offers, not the reverse.
        from tahub.assistance import matching

        from .selectors.respondents import offers_matching

        matching.use_offers(offers_matching)
