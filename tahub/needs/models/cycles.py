"""Assessment cycles: a round opened by the Secretariat, with its questionnaires, deadlines and invitees."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.directory.models import Organisation
from tahub.parties.models import Party

from .questionnaires import Part, Questionnaire

PERIOD = re.compile(r"^\s*(\d{4})\s*(?:[-–—]\s*(\d{4}))?\s*$")
BAD_PERIOD = _("Give the period as two years, the first no later than the second: for example 2026-2029.")


def period_years(text):
    """(first year, last year) of a period such as "2026-2029" (or "2026–2029", or one year "2026"); None when
    the text is not such a period or its years are in the wrong order."""
    found = PERIOD.match(text or "")
    if not found:
        return None
    start, end = int(found.group(1)), int(found.group(2) or found.group(1))
    return (start, end) if start <= end else None


class Cycle(DomainModel):
    """An assessment round opened by the Secretariat: which questionnaire, until when, who is invited."""

    slug = models.SlugField(_("code"), max_length=60, unique=True, help_text=_("For example: needs-2024"))
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period covered"), max_length=40, help_text=_("For example: 2026-2029"))
    deadline = models.DateField(_("deadline (Part I: needs)"))
    funding_deadline = models.DateField(_("deadline (Part II: funding needs)"), null=True, blank=True)
    offers_deadline = models.DateField(_("deadline (offers)"), null=True, blank=True)
    questionnaire = models.ForeignKey(
        Questionnaire, models.PROTECT, related_name="cycles", verbose_name=_("questionnaire")
    )
    offers_questionnaire = models.ForeignKey(
        Questionnaire,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="offer_cycles",
        verbose_name=_("offers questionnaire"),
    )
    invited = models.ManyToManyField(Party, blank=True, related_name="needs_cycles", verbose_name=_("invited Parties"))
    offers_invited_parties = models.ManyToManyField(
        Party, blank=True, related_name="offers_cycles", verbose_name=_("Parties invited to offer")
    )
    offers_invited_organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="offers_cycles", verbose_name=_("organisations invited to offer")
    )
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True, blank=True)
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, help_text=_("The public sees the aggregates only from then on")
    )
    version = models.PositiveIntegerField(_("version"), default=0)

    class Meta:
        verbose_name = _("assessment cycle")
        verbose_name_plural = _("assessment cycles")
        ordering = ["-deadline", "slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("needs:gaps", args=[self.slug])

    def clean(self):
        if period_years(self.period) is None:
            raise ValidationError({"period": BAD_PERIOD})

    @property
    def years(self):
        """The years of the period covered, in order ([] when the period is not two years)."""
        bounds = period_years(self.period)
        return list(range(bounds[0], bounds[1] + 1)) if bounds else []

    def questionnaire_of(self, kind):
        return self.offers_questionnaire if kind == Questionnaire.Kind.OFFERS else self.questionnaire

    def deadline_of(self, part):
        """The deadline of a part; Part II and offers fall back on Part I's when they have none."""
        if part == Part.FUNDING:
            return self.funding_deadline or self.deadline
        if part == Part.OFFERS:
            return self.offers_deadline or self.deadline
        return self.deadline

    def deadlines(self, kind):
        """{part: date} for the parts a response of this kind answers."""
        parts = [Part.OFFERS] if kind == Questionnaire.Kind.OFFERS else [Part.NEEDS, Part.FUNDING]
        return {part: self.deadline_of(part) for part in parts}
