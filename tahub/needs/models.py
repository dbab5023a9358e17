"""Needs assessment: versioned questionnaires (loaded from files), cycles, Parties' responses and answers."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.parties.models import Party
from tahub.vocabularies.models import Theme


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
    class Kind(models.TextChoices):
        LEVEL = "level", _("Level of need")
        TEXT = "text", _("Free text")

    questionnaire = models.ForeignKey(
        Questionnaire, models.CASCADE, related_name="questions", verbose_name=_("questionnaire")
    )
    code = models.SlugField(_("code"), max_length=80, help_text=_("For example: nip-level"))
    section = models.SlugField(_("section"), max_length=60, help_text=_("For example: technical"))
    section_title = models.CharField(_("section title"), max_length=200)
    position = models.PositiveIntegerField(_("position"), default=0)
    theme = models.ForeignKey(
        Theme, models.PROTECT, null=True, blank=True, related_name="questions", verbose_name=_("theme")
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("required"), default=False)

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


class Cycle(DomainModel):
    """An assessment round opened by the Secretariat: which questionnaire, until when, who is invited."""

    slug = models.SlugField(_("code"), max_length=60, unique=True, help_text=_("For example: needs-2024"))
    title = models.CharField(_("title"), max_length=300)
    period = models.CharField(_("period covered"), max_length=40, help_text=_("For example: 2026-2029"))
    deadline = models.DateField(_("deadline"))
    questionnaire = models.ForeignKey(
        Questionnaire, models.PROTECT, related_name="cycles", verbose_name=_("questionnaire")
    )
    invited = models.ManyToManyField(Party, blank=True, related_name="needs_cycles", verbose_name=_("invited Parties"))
    opened_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+", null=True, blank=True)
    results_published_at = models.DateTimeField(
        _("results published"), null=True, blank=True, help_text=_("The public sees the aggregates only from then on")
    )

    class Meta:
        verbose_name = _("assessment cycle")
        verbose_name_plural = _("assessment cycles")
        ordering = ["-deadline", "slug"]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("needs:gaps", args=[self.slug])


class Response(ConcurrentTransitionMixin, DomainModel):
    """A Party's answers to a cycle's questionnaire: a draft until submitted; staff may reopen it."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="responses", verbose_name=_("cycle"))
    party = models.ForeignKey(Party, models.PROTECT, related_name="needs_responses", verbose_name=_("Party"))
    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT, protected=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("by")
    )
    reopened = models.BooleanField(
        _("reopened by the Secretariat"),
        default=False,
        help_text=_("A reopened response may be changed after the deadline."),
    )

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        ordering = ["cycle", "party__country__name"]
        constraints = [models.UniqueConstraint(fields=["cycle", "party"], name="response_unique_per_party")]

    def __str__(self):
        return f"{self.cycle} — {self.party}"

    def get_absolute_url(self):
        return reverse("needs:response", args=[self.cycle.slug, self.party.country.iso3])

    @transition(state, source=State.DRAFT, target=State.SUBMITTED)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.DRAFT)
    def reopen(self):
        pass


class Answer(DomainModel):
    response = models.ForeignKey(Response, models.CASCADE, related_name="answers", verbose_name=_("response"))
    question = models.ForeignKey(Question, models.PROTECT, related_name="answers", verbose_name=_("question"))
    level = models.CharField(_("level of need"), max_length=10, choices=Level.choices, blank=True)
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_unique_per_question")]

    def __str__(self):
        return f"{self.question.code}: {self.level or self.text[:40]}"

    @property
    def is_empty(self):
        return not self.level and not self.text.strip()
