"""Needs assessment: versioned questionnaires (loaded from files), cycles, Parties' responses and answers."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.directory.models import Organisation
from tahub.parties.models import Party, Region
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
    section_title = models.CharField(_("section title"), max_length=200)
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
    label = models.CharField(_("question"), max_length=300)
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


class Response(ConcurrentTransitionMixin, DomainModel):
    """A respondent's answers to one of a cycle's questionnaires: a Party's needs, or a Party's or an
    organisation's offers. A draft until submitted; staff may reopen it. `version` grows with every save, so
    a form or API client holding an older one is refused instead of overwriting someone else's answers."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")

    Kind = Questionnaire.Kind

    cycle = models.ForeignKey(Cycle, models.CASCADE, related_name="responses", verbose_name=_("cycle"))
    kind = models.CharField(_("kind"), max_length=10, choices=Questionnaire.Kind.choices, default="needs")
    party = models.ForeignKey(
        Party, models.PROTECT, null=True, blank=True, related_name="needs_responses", verbose_name=_("Party")
    )
    organisation = models.ForeignKey(
        Organisation,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="needs_responses",
        verbose_name=_("organisation"),
    )
    version = models.PositiveIntegerField(_("version"), default=0)
    entered_by_secretariat = models.BooleanField(
        _("entered by the Secretariat"), default=False, help_text=_("Answers received by e-mail, entered by staff")
    )
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
        ordering = ["cycle", "kind", "party__country__name", "organisation__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(party__isnull=False, organisation__isnull=True)
                | models.Q(party__isnull=True, organisation__isnull=False),
                name="response_one_respondent",
            ),
            models.CheckConstraint(
                condition=models.Q(kind="offers") | models.Q(organisation__isnull=True),
                name="response_needs_from_parties",
            ),
            models.UniqueConstraint(
                fields=["cycle", "kind", "party"],
                condition=models.Q(party__isnull=False),
                name="response_unique_per_party",
            ),
            models.UniqueConstraint(
                fields=["cycle", "kind", "organisation"],
                condition=models.Q(organisation__isnull=False),
                name="response_unique_per_organisation",
            ),
        ]

    def __str__(self):
        return f"{self.cycle} — {self.respondent} ({self.get_kind_display()})"

    @property
    def respondent(self):
        return self.party or self.organisation

    def get_absolute_url(self):
        return respondent_url("needs:respond", self.cycle, self.kind, self.respondent)

    @transition(state, source=State.DRAFT, target=State.SUBMITTED)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.DRAFT)
    def reopen(self):
        pass


def respondent_url(name, cycle, kind, respondent):
    """The URL of a respondent's page (`needs:respond`, `needs:workbook`, `needs:upload`)."""
    if isinstance(respondent, Party):
        return reverse(name, args=[cycle.slug, kind, "parties", respondent.country.iso3])
    return reverse(name, args=[cycle.slug, kind, "organisations", respondent.slug])


class Answer(DomainModel):
    """One answer; which field holds it depends on the question's kind: `level` (level), `rank` (rank),
    `text` (text, support), `choices` (obstacles: option codes; languages: language codes), `assistance_types`
    (offer: what is offered for the question's theme), `regions` (regions), `amounts` rows (amounts)."""

    response = models.ForeignKey(Response, models.CASCADE, related_name="answers", verbose_name=_("response"))
    question = models.ForeignKey(Question, models.PROTECT, related_name="answers", verbose_name=_("question"))
    level = models.CharField(_("level of need"), max_length=10, choices=Level.choices, blank=True)
    rank = models.PositiveSmallIntegerField(_("priority rank"), null=True, blank=True)
    text = models.TextField(_("answer"), blank=True)
    choices = models.JSONField(_("choices"), default=list, blank=True)
    assistance_types = models.ManyToManyField(
        AssistanceType, blank=True, related_name="offer_answers", verbose_name=_("types of assistance offered")
    )
    regions = models.ManyToManyField(Region, blank=True, related_name="offer_answers", verbose_name=_("regions"))

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["response", "question__position"]
        constraints = [models.UniqueConstraint(fields=["response", "question"], name="answer_unique_per_question")]

    def __str__(self):
        return f"{self.question.code}: {self.level or self.text[:40]}"

    @property
    def is_empty(self):
        """Nothing answered. Uses the prefetched relations when the caller prefetched them."""
        if self.level or self.rank is not None or self.text.strip() or self.choices:
            return False
        kind = self.question.kind
        if kind == Question.Kind.OFFER:
            return not self.assistance_types.all()
        if kind == Question.Kind.REGIONS:
            return not self.regions.all()
        if kind == Question.Kind.AMOUNTS:
            return not self.amounts.all()
        return True


class Amount(DomainModel):
    """Part II: an amount needed for one year from one source (a separate row each), in a currency."""

    answer = models.ForeignKey(Answer, models.CASCADE, related_name="amounts", verbose_name=_("answer"))
    year = models.PositiveSmallIntegerField(_("year"))
    source = models.SlugField(_("source"), max_length=40, help_text=_("For example: gef"))
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3, default="USD")

    class Meta:
        verbose_name = _("amount")
        verbose_name_plural = _("amounts")
        ordering = ["answer", "year", "source"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "year", "source"], name="amount_unique_per_year_source"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="amount_not_negative"),
        ]

    def __str__(self):
        return f"{self.year} {self.source}: {self.amount} {self.currency}"


from .results import PublishedResults  # noqa: E402, F401 (models of this app, kept in their own modules)
from .tracking import Notice, ReopenRequest  # noqa: E402, F401
