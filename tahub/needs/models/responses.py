"""Responses: a respondent's answers to one of a cycle's questionnaires (a draft until submitted), each answer,
and Part II's amounts."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.directory.models import Organisation
from tahub.parties.models import Party, Region
from tahub.vocabularies.models import AssistanceType

from .cycles import Cycle
from .questionnaires import Level, Question, Questionnaire

# Who may take each transition (rules.py): the respondent's people or staff submit; only staff reopen.
SUBMIT = on_object("needs.submit_response")
REOPEN = on_object("needs.reopen_response")


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

    @transition(state, source=State.DRAFT, target=State.SUBMITTED, permission=SUBMIT)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.DRAFT, permission=REOPEN)
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
