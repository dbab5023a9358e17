"""The trust funds money is raised for and paid into (reference data)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.parties.models import Convention


class TrustFund(DomainModel):
    """A trust fund money is raised for and paid into, e.g. SV (reference data)."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("For example: SV"))
    name = models.CharField(_("name"), max_length=200)
    convention = models.ForeignKey(
        Convention, models.PROTECT, null=True, blank=True, related_name="trust_funds", verbose_name=_("convention")
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("trust fund")
        verbose_name_plural = _("trust funds")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def natural_key(self):
        return (self.code,)
