"""Parties' feedback on a centre's services."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.parties.models import Party

from .centres import RegionalCentre


class Feedback(DomainModel):
    """A Party's feedback on a centre's services, shown on the centre page and to its evaluators."""

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="feedback", verbose_name=_("centre"))
    party = models.ForeignKey(Party, models.PROTECT, related_name="+", verbose_name=_("Party"))
    rating = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.party} → {self.centre}: {self.rating}"
