from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ObserversConfig(AppConfig):
    name = "tahub.observers"
    verbose_name = _("Observers")
