from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentresConfig(AppConfig):
    name = "tahub.centres"
    verbose_name = _("Regional centres")
