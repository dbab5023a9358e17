"""Countries, conventions, the Parties to them, and the UN regional groups they belong to."""

import re
import unicodedata

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager


class Region(DomainModel):
    """A UN regional group; each has one regional focal point in the Secretariat."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("For example: GRULAC"))
    name = models.CharField(_("name"), max_length=100)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("UN regional group")
        verbose_name_plural = _("UN regional groups")
        ordering = ["code"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class Eligibility(models.TextChoices):
    DEVELOPING = "developing", _("Developing country")
    TRANSITION = "transition", _("Economy in transition")
    DEVELOPED = "developed", _("Developed country")

    @classmethod
    def may_request_assistance(cls):
        """Article 12: technical assistance goes to developing-country Parties and EITs."""
        return [cls.DEVELOPING, cls.TRANSITION]


def sort_name(name):
    """The key a country's name sorts by, as a reader expects (Côte d'Ivoire before Czechia, Türkiye among the
    Ts): accents removed (NFKD, combining marks dropped), case folded, and only letters and digits kept. Stored
    (Country.sort_name), so SQL sorts and paginates by it, with the same order on SQLite and on PostgreSQL
    under any collation: a string of a–z and 0–9 only compares the same in all of them."""
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return re.sub(r"[^a-z0-9]", "", plain.replace("ß", "ss"))


class Country(DomainModel):
    """A country or territory (ISO 3166-1), or the European Union, with its eligibility class."""

    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, blank=True)
    numeric = models.CharField(_("ISO 3166 numeric code"), max_length=3, blank=True)
    name = models.CharField(_("name"), max_length=100)
    sort_name = models.CharField(
        _("sort key of the name"), max_length=100, blank=True, editable=False, db_index=True,
        help_text=_("Set from the name on every save (parties.models.sort_name)."),
    )  # fmt: skip
    name_source = models.CharField(_("source of the name"), max_length=200, blank=True)
    region = models.ForeignKey(
        Region, models.PROTECT, null=True, blank=True, related_name="countries", verbose_name=_("UN regional group")
    )
    eligibility_class = models.CharField(
        _("eligibility class (source)"), max_length=20, choices=Eligibility.choices, blank=True
    )
    eligibility_source = models.CharField(_("source of the classification"), max_length=300, blank=True)
    eligibility_override = models.CharField(
        _("eligibility class set by the Secretariat"),
        max_length=20,
        choices=Eligibility.choices,
        blank=True,
        help_text=_("Overrides the class from the source; give the reason below."),
    )
    eligibility_override_reason = models.TextField(_("reason for the override"), blank=True)
    ldc = models.BooleanField(_("least developed country"), default=False)
    sids = models.BooleanField(_("small island developing State"), default=False)

    objects = NaturalKeyManager("iso3")

    class Meta:
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        ordering = ["sort_name", "name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.sort_name = sort_name(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "sort_name"}
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.iso3,)

    @property
    def eligibility(self):
        """The class in force: the Secretariat's override if any, else the source's."""
        return self.eligibility_override or self.eligibility_class

    def get_eligibility_display(self):
        return Eligibility(self.eligibility).label if self.eligibility else ""


class Convention(DomainModel):
    code = models.CharField(_("code"), max_length=2, unique=True, help_text=_("BC, RC or SC"))
    name = models.CharField(_("name"), max_length=300)
    short_name = models.CharField(_("short name"), max_length=60)
    adopted = models.DateField(_("adopted"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")
        ordering = ["code"]

    def __str__(self):
        return self.short_name

    def natural_key(self):
        return (self.code,)


class Party(DomainModel):
    """A country (or the EU) that is bound by a convention."""

    class Action(models.TextChoices):
        RATIFICATION = "ratification", _("Ratification")
        ACCESSION = "accession", _("Accession")
        ACCEPTANCE = "acceptance", _("Acceptance")
        APPROVAL = "approval", _("Approval")

    country = models.ForeignKey(Country, models.PROTECT, related_name="parties", verbose_name=_("country"))
    convention = models.ForeignKey(Convention, models.PROTECT, related_name="parties", verbose_name=_("convention"))
    signature = models.DateField(_("signature"), null=True, blank=True)
    action = models.CharField(_("instrument"), max_length=20, choices=Action.choices)
    action_date = models.DateField(_("date of deposit"), null=True, blank=True)
    entry_into_force = models.DateField(_("entry into force"), null=True, blank=True)
    note = models.TextField(_("data note"), blank=True)

    class Meta:
        verbose_name = _("Party")
        verbose_name_plural = _("Parties")
        ordering = ["country__sort_name", "country__name"]
        constraints = [models.UniqueConstraint(fields=["country", "convention"], name="party_unique_per_convention")]

    def __str__(self):
        return str(self.country)

    def get_absolute_url(self):
        return reverse("parties:detail", args=[self.country.iso3])


class ContactPoint(DomainModel):
    """A person who acts for a Party: its official contact point, or a focal point the contact point delegates."""

    class Kind(models.TextChoices):
        OFFICIAL = "official", _("Official contact point")
        FOCAL = "focal", _("Focal point")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.CASCADE, related_name="contact_points", verbose_name=_("user")
    )
    party = models.ForeignKey(Party, models.CASCADE, related_name="contact_points", verbose_name=_("Party"))
    kind = models.CharField(_("role"), max_length=20, choices=Kind.choices)
    delegated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("delegated by"),
        help_text=_("For a focal point: the official contact point (or Secretariat member) who invited them."),
    )

    class Meta:
        verbose_name = _("contact point")
        verbose_name_plural = _("contact points")
        ordering = ["party__country__sort_name", "kind", "user__email"]
        constraints = [models.UniqueConstraint(fields=["user", "party"], name="contactpoint_unique_per_party")]

    def __str__(self):
        return f"{self.user} — {self.get_kind_display()}, {self.party}"
