"""Meetings of the Conference of the Parties and the decisions that mandate the work."""

import re

from django.conf import settings
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.core.translated import languages
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


# The decisions' topics are codes in the data (decisions.csv, the API); people read these labels. A topic the
# data add later reads as its code made readable until it gets a label here.
TOPIC_LABELS = {
    "budget": _("Budget"),
    "financial-resources": _("Financial resources"),
    "needs-assessment": _("Needs assessment"),
    "observers": _("Observers"),
    "regional-centres": _("Regional centres"),
    "technical-assistance": _("Technical assistance"),
}


def topic_label(code):
    return TOPIC_LABELS.get(code) or code.replace("-", " ").capitalize()


def decision_sort_key(number):
    """The key that puts decisions in their natural order: convention, meeting number, then decision number, as
    numbers (SC-1/9 before SC-1/16, SC-2/1 after SC-1/16), e.g. "SC-0001/0009". A number of another shape sorts
    as written."""
    found = re.fullmatch(r"\s*([A-Za-z]+)-(\d+)/(\d+)(.*)", number or "")
    if not found:
        return number or ""
    prefix, meeting, decision, rest = found.groups()
    return f"{prefix.upper()}-{int(meeting):04d}/{int(decision):04d}{rest}"


class Decision(DomainModel):
    """A decision of a Conference of the Parties, e.g. SC-1/15, that work can cite as its mandate. Listed in
    natural order (year, then `sort_key`: meeting number, then decision number), never as text."""

    class Verified(models.TextChoices):
        YES = "yes", _("Number and title seen in a source")
        PARTIAL = "partial", _("Number seen; title inferred or not seen verbatim")
        NO = "no", _("Not yet confirmed by a source")

    number = models.CharField(_("number"), max_length=20, unique=True, help_text=_("For example: SC-1/15"))
    convention = models.ForeignKey(Convention, models.PROTECT, related_name="decisions", verbose_name=_("convention"))
    meeting = models.ForeignKey(Meeting, models.PROTECT, related_name="decisions", verbose_name=_("meeting"))
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300, blank=True, default="")  # per language: translation.py
    topics = models.CharField(_("topics"), max_length=200, blank=True, help_text=_("For example: technical-assistance"))
    verified = models.CharField(_("verification"), max_length=10, choices=Verified.choices)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    sort_key = models.CharField(_("sort key"), max_length=40, editable=False, db_index=True, default="")

    objects = NaturalKeyManager("number")

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["year", "sort_key", "number"]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def save(self, *args, **kwargs):
        self.sort_key = decision_sort_key(self.number)
        if kwargs.get("update_fields") is not None and "number" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], "sort_key"}
        super().save(*args, **kwargs)

    def natural_key(self):
        return (self.number,)

    def get_absolute_url(self):
        return reverse("planning:decision", args=[self.number])

    @property
    def topic_list(self):
        return [t for t in self.topics.split(";") if t]

    @property
    def topic_choices(self):
        """(code, label) of each topic: the code for links and the API, the label for people."""
        return [(code, topic_label(code)) for code in self.topic_list]

    @property
    def localized_title(self):
        """The title in the reader's language, else English, else any (modeltranslation's `title`)."""
        return self.title


class LegalBasisField(models.ManyToManyField):
    """The one way a record cites decision paragraphs as its legal basis (plan activities, proposals, events…).

    Every model that declares one is found by the mandate coverage selector through DecisionParagraph's
    reverse relations, so a new citing model is covered without touching planning."""

    def __init__(self, to="planning.DecisionParagraph", **kwargs):
        kwargs.setdefault("blank", True)
        kwargs.setdefault("verbose_name", _("legal basis (decision paragraphs)"))
        super().__init__(to, **kwargs)


class DecisionParagraph(DomainModel):
    """One operative paragraph of a decision (e.g. SC-5/20 paragraph 8), the unit work cites as its mandate.

    The text is stored only as a source gives it; where no source text was read it stays blank and
    `notes` says so (never invented)."""

    decision = models.ForeignKey(Decision, models.PROTECT, related_name="paragraphs", verbose_name=_("decision"))
    number = models.CharField(
        _("paragraph"),
        max_length=20,
        validators=[RegexValidator(r"^[0-9]+( \([a-z]+\))*$", _("A number, optionally with letters: 8 or 8 (a)."))],
        help_text=_("For example: 8 or 8 (a)"),
    )
    position = models.PositiveIntegerField(_("position"), default=0, help_text=_("Order within the decision"))
    text = models.TextField(_("text"), blank=True, default="")  # per language: text_en, text_fr, ... (translation.py)
    asks_for_assistance = models.BooleanField(
        _("asks for technical assistance"),
        default=False,
        help_text=_(
            "The paragraph requests, invites or guides technical assistance: the mandate coverage page lists it."
        ),
    )
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("decision paragraph")
        verbose_name_plural = _("decision paragraphs")
        ordering = ["decision__year", "decision__sort_key", "position", "number"]
        constraints = [models.UniqueConstraint(fields=["decision", "number"], name="paragraph_unique_per_decision")]

    def __str__(self):
        return _("%(decision)s, paragraph %(number)s") % {"decision": self.decision.number, "number": self.number}

    def natural_key(self):
        return (self.decision.number, self.number)

    @property
    def text_shown(self):
        """(text, language code) to show: the reader's language, else English, else any language the data holds
        it in; ("", "") when none does. A page says so when the language is not the reader's."""
        reader = get_language() or settings.LANGUAGE_CODE
        order = [reader, settings.LANGUAGE_CODE, *languages()]
        for language in dict.fromkeys(code for code in order if code in languages()):
            text = getattr(self, build_localized_fieldname("text", language))
            if text:
                return text, language
        return "", ""


class TAPlan(DomainModel):
    """The four-year technical assistance plan, shared by the Basel, Rotterdam and Stockholm conventions (all three,
    by definition: so no conventions field)."""

    start_year = models.PositiveSmallIntegerField(_("first year"), unique=True)
    end_year = models.PositiveSmallIntegerField(_("last year"))
    title = models.CharField(
        _("title"), max_length=300, default=""
    )  # per language: title_en, title_fr, ... (translation.py)
    summary = models.TextField(_("summary"), blank=True)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("technical assistance plan")
        verbose_name_plural = _("technical assistance plans")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_year=models.F("start_year") + 3), name="taplan_four_years")
        ]

    def __str__(self):
        return f"{self.title} ({self.period})"

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"

    @property
    def localized_title(self):
        """The title in the reader's language, else English, else any (modeltranslation's `title`)."""
        return self.title

    def get_absolute_url(self):
        return reverse("plan:plan", args=[self.start_year])


class Objective(DomainModel):
    """An objective of the plan; programme activities serve one."""

    plan = models.ForeignKey(TAPlan, models.CASCADE, related_name="objectives", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(
        _("title"), max_length=300, default=""
    )  # per language: title_en, title_fr, ... (translation.py)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")
        ordering = ["plan", "number"]
        constraints = [models.UniqueConstraint(fields=["plan", "number"], name="objective_unique_per_plan")]

    def __str__(self):
        return _("Objective %(number)s: %(title)s") % {"number": self.number, "title": self.title}

    @property
    def localized_title(self):
        """The title in the reader's language, else English, else any (modeltranslation's `title`)."""
        return self.title


class Biennium(DomainModel):
    """Two budget years of the programme of work (e.g. 2026–2027); its activities are numbered within it."""

    start_year = models.PositiveSmallIntegerField(_("first year"), unique=True)
    end_year = models.PositiveSmallIntegerField(_("last year"))
    plan = models.ForeignKey(
        TAPlan, models.PROTECT, null=True, blank=True, related_name="bienniums", verbose_name=_("plan")
    )
    budget_decision = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("budget decision")
    )
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("biennium")
        verbose_name_plural = _("bienniums")
        ordering = ["-start_year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_year=models.F("start_year") + 1), name="biennium_two_years")
        ]

    def __str__(self):
        return self.period

    @property
    def period(self):
        return f"{self.start_year}–{self.end_year}"


class ProgrammeActivity(DomainModel):
    """A numbered activity of the biennial programme of work (e.g. activity 11 of 2012–2013).

    The approved budget is in US dollars. What delivered it (events, requests, centre activities) points here
    through a nullable `programme_activity` foreign key in those apps; `selectors.delivery_of` reads them."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    biennium = models.ForeignKey(Biennium, models.PROTECT, related_name="activities", verbose_name=_("biennium"))
    number = models.PositiveSmallIntegerField(_("number"), validators=[MinValueValidator(1)])
    title = models.TextField(_("title"), blank=True, default="")  # per language: translation.py
    description = models.TextField(_("description"), blank=True)
    conventions = models.ManyToManyField(Convention, related_name="programme_activities", verbose_name=_("conventions"))
    objective = models.ForeignKey(
        Objective, models.PROTECT, null=True, blank=True, related_name="activities", verbose_name=_("objective")
    )
    legal_basis = LegalBasisField(related_name="programme_activities")
    themes = models.ManyToManyField(
        "vocabularies.Theme", blank=True, related_name="programme_activities", verbose_name=_("themes")
    )
    regions = models.ManyToManyField(
        "parties.Region", blank=True, related_name="programme_activities", verbose_name=_("regions")
    )
    countries = models.ManyToManyField(
        Country, blank=True, related_name="programme_activities", verbose_name=_("recipient countries")
    )
    lead = models.CharField(_("lead (Secretariat branch)"), max_length=200, blank=True)
    lead_organisation = models.ForeignKey(
        "directory.Organisation",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="led_programme_activities",
        verbose_name=_("lead organisation"),
    )
    partners = models.ManyToManyField(
        "directory.Organisation", blank=True, related_name="programme_activities", verbose_name=_("partners")
    )
    approved_budget = models.DecimalField(
        _("approved budget (USD)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    trust_fund = models.ForeignKey(
        "funding.TrustFund",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="programme_activities",
        verbose_name=_("trust fund"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PLANNED)
    start = models.DateField(_("start"), null=True, blank=True)
    end = models.DateField(_("end"), null=True, blank=True)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)

    class Meta:
        verbose_name = _("programme activity")
        verbose_name_plural = _("programme activities")
        ordering = ["-biennium__start_year", "number"]
        constraints = [
            models.UniqueConstraint(fields=["biennium", "number"], name="activity_number_unique_per_biennium"),
            models.CheckConstraint(
                condition=models.Q(approved_budget__isnull=True) | models.Q(approved_budget__gte=0),
                name="activity_budget_gte_0",
            ),
            models.CheckConstraint(
                condition=models.Q(start__isnull=True)
                | models.Q(end__isnull=True)
                | models.Q(end__gte=models.F("start")),
                name="activity_ends_after_start",
            ),
        ]

    def __str__(self):
        return _("Activity %(number)s (%(biennium)s)") % {"number": self.number, "biennium": self.biennium.period}

    @property
    def localized_title(self):
        """The title in the reader's language, else English, else any (modeltranslation's `title`)."""
        return self.title

    def get_absolute_url(self):
        return reverse("plan:activity", args=[self.biennium.start_year, self.number])
