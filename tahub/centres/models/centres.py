"""Stockholm Convention regional and subregional centres and their endorsements by the COP."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.directory.models import Organisation
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision


class RegionalCentre(DomainModel):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300, default="")  # per language: translation.py
    host_country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("host country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    host_institution = models.CharField(_("host institution"), max_length=300)
    organisation = models.OneToOneField(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="regional_centre",
        verbose_name=_("organisation in the directory"),
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="centres", verbose_name=_("region"))
    also_basel_centre = models.BooleanField(_("also a Basel Convention centre"), default=False)
    languages = models.CharField(_("working languages"), max_length=60, blank=True, help_text=_("For example: es;en"))
    status = models.CharField(_("status of the data"), max_length=100, blank=True)
    endorsement_history = models.TextField(_("endorsement history"), blank=True)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("data notes"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("regional centre")
        verbose_name_plural = _("regional centres")
        # By the English name in every language: "name" would be rewritten to the reader's column (name_fr),
        # empty where no official French name exists, and leave the order to the database.
        ordering = ["name_en"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("centres:detail", args=[self.code])

    @property
    def language_list(self):
        return [code for code in self.languages.split(";") if code]

    STATUS_LABELS = {
        "confirmed": _("confirmed"),
        "confirmed-host": _("host confirmed"),
        "current-term-unverified": _("current term not verified"),
        "decision-number-unverified": _("decision number not verified"),
    }

    @property
    def status_labels(self):
        """The status of the data in words ("current-term-unverified" → "current term not verified"); the codes
        stay in the CSV file."""
        parts = [part.strip() for part in self.status.split(";") if part.strip()]
        return [str(self.STATUS_LABELS.get(part, part)) for part in parts]


class Endorsement(DomainModel):
    """The COP endorses a centre for four years; the decision may be known only as 'COP-9 (2019)'."""

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="endorsements", verbose_name=_("centre"))
    decision = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="endorsements", verbose_name=_("decision")
    )
    decision_reference = models.CharField(
        _("decision as cited"),
        max_length=40,
        help_text=_("For example: SC-7/17, or COP-9 (2019) when no number is known"),
    )
    start_year = models.PositiveSmallIntegerField(_("from"))
    end_year = models.PositiveSmallIntegerField(_("until"))

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["centre", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "start_year"], name="endorsement_unique_start"),
            models.CheckConstraint(condition=models.Q(end_year__gte=models.F("start_year")), name="endorsement_order"),
        ]

    def __str__(self):
        return f"{self.centre} {self.start_year}–{self.end_year}"
