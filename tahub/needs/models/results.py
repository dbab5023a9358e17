"""The published results of a cycle: its aggregates as staff published them, stored once (written by
`services.results`, read by `selectors.published`)."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils.translation import gettext_lazy as _

from .cycles import Cycle


class PublishedResults(models.Model):
    """What the public pages and the API show of a cycle: the needs, offers, assistance delivered and per-theme
    totals computed when staff published (or published again), so that a public page reads one row instead of
    aggregating every answer. Derived data, rewritten whole at each publication, so it keeps no history: the
    cycle's history records each publication (`needs.cycle.results_published`, `…republished`, `…withdrawn`)."""

    cycle = models.OneToOneField(
        Cycle, models.CASCADE, related_name="published_results", verbose_name=_("cycle"), primary_key=True
    )
    computed_at = models.DateTimeField(_("figures as of"))
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    delivered_since = models.DateField(
        _("assistance delivered counted from"), null=True, blank=True, help_text=_("None: since the start")
    )
    data = models.JSONField(_("aggregates"), encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("published results")
        verbose_name_plural = _("published results")

    def __str__(self):
        return f"{self.cycle_id}: {self.computed_at:%Y-%m-%d %H:%M}"
