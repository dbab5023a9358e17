"""Who gives: a Party, an organisation of the directory, or another named donor."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.directory.models import Organisation
from tahub.parties.models import Party


class Donor(DomainModel):
    """Who gives: a Party, an organisation of the directory, or another named donor (exactly one of them).
    `version` goes up with every change, so a stale edit is refused (as a pledge's)."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party")
        ORGANISATION = "organisation", _("Organisation")
        OTHER = "other", _("Other donor")

    kind = models.CharField(_("kind of donor"), max_length=20, choices=Kind.choices)
    party = models.ForeignKey(
        Party, models.PROTECT, null=True, blank=True, related_name="donors", verbose_name=_("Party")
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="donors", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Only for another donor."))
    email = models.EmailField(_("e-mail for reminders"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="party", party__isnull=False, organisation__isnull=True, name="")
                    | models.Q(kind="organisation", organisation__isnull=False, party__isnull=True, name="")
                    | (models.Q(kind="other", party__isnull=True, organisation__isnull=True) & ~models.Q(name=""))
                ),
                name="donor_is_one_of_party_organisation_other",
            ),
            models.UniqueConstraint(fields=["party"], name="donor_unique_party"),
            models.UniqueConstraint(fields=["organisation"], name="donor_unique_organisation"),
            models.UniqueConstraint(fields=["name"], condition=models.Q(kind="other"), name="donor_unique_other_name"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.kind == self.Kind.PARTY and self.party_id:
            return str(self.party.country)
        if self.kind == self.Kind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        return self.name
