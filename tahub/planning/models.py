"""Meetings of the Conference of the Parties and the decisions that mandate the work."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.parties.models import Convention, Country


class Meeting(DomainModel):
    class Kind(models.TextChoices):
        ORDINARY = "ordinary", _("Ordinary meeting")
        EXTRAORDINARY = "extraordinary", _("Extraordinary meeting")

    code = models.CharField(_("code"), max_length=20, unique=True, help_text=_("For example: COP-11"))
    number = models.PositiveSmallIntegerField(_("number"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    city = models.CharField(_("city"), max_length=100)
    country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("country"))
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="meeting_ends_after_start")
        ]

    def __str__(self):
        return self.code

    def natural_key(self):
        return (self.code,)


class Decision(DomainModel):
    """A decision of a Conference of the Parties, e.g. SC-1/15, that work can cite as its mandate."""

    class Verified(models.TextChoices):
        YES = "yes", _("Number and title seen in a source")
        PARTIAL = "partial", _("Number seen; title inferred or not seen verbatim")
        NO = "no", _("Not yet confirmed by a source")

    number = models.CharField(_("number"), max_length=20, unique=True, help_text=_("For example: SC-1/15"))
    convention = models.ForeignKey(Convention, models.PROTECT, related_name="decisions", verbose_name=_("convention"))
    meeting = models.ForeignKey(Meeting, models.PROTECT, related_name="decisions", verbose_name=_("meeting"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300, blank=True)
    topics = models.CharField(_("topics"), max_length=200, blank=True, help_text=_("For example: technical-assistance"))
    verified = models.CharField(_("verification"), max_length=10, choices=Verified.choices)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = NaturalKeyManager("number")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["year", "number"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def natural_key(self):
        return (self.number,)

    def get_absolute_url(self):
        return reverse("planning:decision", args=[self.number])

    @property
    def topic_list(self):
        return [t for t in self.topics.split(";") if t]
