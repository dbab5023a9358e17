"""Partner organisations: the providers of technical assistance and the members who act for them."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.parties.models import Country


class Organisation(DomainModel):
    class Kind(models.TextChoices):
        UN_PROGRAMME = "un-programme", _("UN programme")
        UN_DIVISION = "un-division", _("UN division or branch")
        UN_AGENCY = "un-agency", _("UN specialised agency")
        IGO = "igo", _("Intergovernmental organisation")
        COORDINATION_MECHANISM = "coordination-mechanism", _("Inter-organisation coordination mechanism")
        FINANCIAL_MECHANISM = "financial-mechanism", _("Financial mechanism")
        FINANCIAL_INSTITUTION = "financial-institution", _("Financial institution")
        MEA = "mea", _("Secretariat of another convention")
        BILATERAL = "bilateral", _("Bilateral development agency")
        NGO = "ngo", _("Non-governmental organisation")
        RESEARCH = "research", _("Research or academic institution")
        PRIVATE = "private", _("Private sector")
        REGIONAL_CENTRE = "regional-centre", _("Regional centre")
        OTHER = "other", _("Other")

    slug = models.SlugField(_("code"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    kind = models.CharField(_("category"), max_length=30, choices=Kind.choices)
    roles = models.CharField(_("roles"), max_length=300, blank=True, help_text=_("For example: gef-agency;projects"))
    summary = models.TextField(_("summary"), blank=True)
    website = models.URLField(_("website"), blank=True)
    country = models.ForeignKey(
        Country, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("country of seat")
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations", verbose_name=_("members")
    )

    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.short_name or self.name

    def natural_key(self):
        return (self.slug,)

    def get_absolute_url(self):
        return reverse("directory:detail", args=[self.slug])


class Membership(DomainModel):
    """A person who acts for an organisation (a provider, or a regional centre's host)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="memberships", verbose_name=_("user")
    )
    organisation = models.ForeignKey(
        Organisation, models.CASCADE, related_name="memberships", verbose_name=_("organisation")
    )

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["user", "organisation"], name="membership_unique")]

    def __str__(self):
        return f"{self.user} — {self.organisation}"
