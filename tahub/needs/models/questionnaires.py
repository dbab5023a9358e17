"""Questionnaires: versioned sets of questions loaded from files (`services.questionnaires`), the parts of an
assessment, and the levels of need an answer gives."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.vocabularies.models import AssistanceType, Theme


class Part(models.TextChoices):
    """The parts of an assessment, each with its own deadline in a cycle."""

    NEEDS = "needs", _("Part I: technical assistance needs")
    FUNDING = "funding", _("Part II: funding needs")
    OFFERS = "offers", _("Offers of assistance")


class QuestionnaireManager(models.Manager):
    def get_by_natural_key(self, code, version):
        return self.get(code=code, version=version)


class Questionnaire(DomainModel):
    """One version of a questionnaire, loaded from a file (`load_questionnaire`); a new cycle may use a new
    version without a migration, and old cycles keep theirs."""

    class Kind(models.TextChoices):
        NEEDS = "needs", _("Needs")
        OFFERS = "offers", _("Offers")

    code = models.SlugField(_("code"), max_length=60, help_text=_("For example: needs"))
    version = models.PositiveIntegerField(_("version"), help_text=_("For example: 2024"))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = QuestionnaireManager()

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["code", "-version"]
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="questionnaire_unique_version")]

    def __str__(self):
        return f"{self.title} (v{self.version})"

    def natural_key(self):
        return (self.code, self.version)


class Question(DomainModel):
    """One question of a questionnaire version. `theme` and `assistance_type` tie it to the shared vocabularies,
    so that its answers compare across cycles; `options` holds a kind's parameters from the file (the choices
    of an obstacles question; the years and sources of an amounts question)."""

    class Kind(models.TextChoices):
        LEVEL = "level", _("Level of need")
        RANK = "rank", _("Priority rank")
        OBSTACLES = "obstacles", _("Obstacles")
        SUPPORT = "support", _("Existing support")
        TEXT = "text", _("Free text")
        AMOUNTS = "amounts", _("Amounts by year and source")
        OFFER = "offer", _("Types of assistance offered")
        REGIONS = "regions", _("Regions served")
        LANGUAGES = "languages", _("Languages")

    questionnaire = models.ForeignKey(
        Questionnaire, models.CASCADE, related_name="questions", verbose_name=_("questionnaire")
    )
    code = models.SlugField(_("code"), max_length=80, help_text=_("For example: nip-level"))
    section = models.SlugField(_("section"), max_length=60, help_text=_("For example: technical"))
    section_title = models.CharField(_("section title"), max_length=200, default="")  # per language
    position = models.PositiveIntegerField(_("position"), default=0)
    theme = models.ForeignKey(
        Theme, models.PROTECT, null=True, blank=True, related_name="questions", verbose_name=_("theme")
    )
    assistance_type = models.ForeignKey(
        AssistanceType,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name=_("type of assistance"),
    )
    part = models.CharField(_("part"), max_length=10, choices=Part.choices, default=Part.NEEDS)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=300, default="")  # per language: translation.py
    required = models.BooleanField(_("required"), default=False)
    options = models.JSONField(_("options"), default=dict, blank=True)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["questionnaire", "position"]
        constraints = [models.UniqueConstraint(fields=["questionnaire", "code"], name="question_unique_code")]

    def __str__(self):
        return self.label

    def natural_key(self):
        return (*self.questionnaire.natural_key(), self.code)


class Level(models.TextChoices):
    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")
    LOW = "low", _("Low")
    NONE = "none", _("None")
