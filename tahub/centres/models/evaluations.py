"""The COP's evaluation methodology (criteria, reference data) and evaluations of centres on its score sheet."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel, NaturalKeyManager

from .centres import RegionalCentre


class Criterion(DomainModel):
    """One criterion of the COP's evaluation methodology, loaded from a versioned file (reference data)."""

    class Counts(models.TextChoices):
        NONE = "", _("Judged by the evaluator")
        ACTIVITIES = "activities", _("Number of capacity-building activities")
        PARTIES = "parties", _("Number of Parties benefited")

    code = models.CharField(_("code"), max_length=20, unique=True)
    title = models.TextField(_("criterion"))
    instructions = models.TextField(_("instructions"))
    rankings = models.TextField(_("indicators and rankings"))
    sources = models.TextField(_("sources of information"))
    max_score = models.PositiveSmallIntegerField(_("maximum score"))
    counts = models.CharField(_("pre-filled from"), max_length=20, choices=Counts.choices, blank=True)
    thresholds = models.CharField(
        _("score by count"), max_length=100, blank=True, help_text=_("count:score pairs, e.g. 1:1;6:2;11:4;16:8")
    )
    note = models.TextField(_("data note"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("evaluation criterion")
        verbose_name_plural = _("evaluation criteria")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} {self.title[:60]}"

    def score_for(self, count):
        """The score a count earns under this criterion's thresholds (0 below the first)."""
        score = 0
        for pair in filter(None, self.thresholds.split(";")):
            at_least, points = (int(x) for x in pair.split(":"))
            if count >= at_least:
                score = points
        return score


class Evaluation(DomainModel):
    """The evaluation of a centre's performance over a period, on the COP's score sheet."""

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="evaluations", verbose_name=_("centre"))
    start = models.DateField(_("period from"))
    end = models.DateField(_("period until"))
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")
    finalised_at = models.DateTimeField(_("finalised"), null=True, blank=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        ordering = ["-end"]

    def __str__(self):
        return f"{self.centre} {self.start.year}–{self.end.year}"


class Score(DomainModel):
    evaluation = models.ForeignKey(Evaluation, models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    count = models.PositiveIntegerField(_("count from the logged activities"), null=True, blank=True)
    comment = models.TextField(_("evaluator's comments"), blank=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        ordering = ["criterion__code"]
        constraints = [models.UniqueConstraint(fields=["evaluation", "criterion"], name="score_per_criterion")]

    def __str__(self):
        return f"{self.criterion.code}: {self.score}"
