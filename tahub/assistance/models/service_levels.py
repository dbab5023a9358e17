"""The service levels: how many working days the Secretariat allows itself for a step of a request."""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel


class ServiceLevel(DomainModel):
    """How many working days the Secretariat allows itself for a step; staff edit these in the admin."""

    class Step(models.TextChoices):
        ACKNOWLEDGE = "acknowledge", _("Acknowledge (start the review) after submission")
        DECIDE = "decide", _("Decide (accept or decline) after submission")

    step = models.CharField(_("step"), max_length=20, choices=Step.choices, unique=True)
    working_days = models.PositiveSmallIntegerField(_("working days"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("service level")
        verbose_name_plural = _("service levels")
        ordering = ["working_days"]

    def __str__(self):
        return f"{self.get_step_display()}: {self.working_days}"
