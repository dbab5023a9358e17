"""Stockholm Convention regional and subregional centres and their endorsements by the COP."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties.models import Country, Party, Region
from tahub.planning.models import Decision
from tahub.vocabularies.models import AssistanceType, Theme


class RegionalCentre(DomainModel):
    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=300)
    host_country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("host country"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    host_institution = models.CharField(_("host institution"), max_length=300)
    organisation = models.OneToOneField(
        Organisation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="regional_centre",
        verbose_name=_("organisation in the directory"),
    )
    region = models.ForeignKey(Region, models.PROTECT, related_name="centres", verbose_name=_("region"))
    also_basel_centre = models.BooleanField(_("also a Basel Convention centre"), default=False)
    languages = models.CharField(_("working languages"), max_length=60, blank=True, help_text=_("For example: es;en"))
    status = models.CharField(_("status of the data"), max_length=100, blank=True)
    endorsement_history = models.TextField(_("endorsement history"), blank=True)
    sources = models.CharField(_("sources"), max_length=300, blank=True)
    notes = models.TextField(_("data notes"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("regional centre")
        verbose_name_plural = _("regional centres")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)

    def get_absolute_url(self):
        return reverse("centres:detail", args=[self.code])

    @property
    def language_list(self):
        return [code for code in self.languages.split(";") if code]

    STATUS_LABELS = {
        "confirmed": _("confirmed"),
        "confirmed-host": _("host confirmed"),
        "current-term-unverified": _("current term not verified"),
        "decision-number-unverified": _("decision number not verified"),
    }

    @property
    def status_labels(self):
        """The status of the data in words ("current-term-unverified" → "current term not verified"); the codes
        stay in the CSV file."""
        parts = [part.strip() for part in self.status.split(";") if part.strip()]
        return [str(self.STATUS_LABELS.get(part, part)) for part in parts]


class Endorsement(DomainModel):
    """The COP endorses a centre for four years; the decision may be known only as 'COP-9 (2019)'."""

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="endorsements", verbose_name=_("centre"))
    decision = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="endorsements", verbose_name=_("decision")
    )
    decision_reference = models.CharField(
        _("decision as cited"),
        max_length=40,
        help_text=_("For example: SC-7/17, or COP-9 (2019) when no number is known"),
    )
    start_year = models.PositiveSmallIntegerField(_("from"))
    end_year = models.PositiveSmallIntegerField(_("until"))

    class Meta:
        verbose_name = _("endorsement")
        verbose_name_plural = _("endorsements")
        ordering = ["centre", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["centre", "start_year"], name="endorsement_unique_start"),
            models.CheckConstraint(condition=models.Q(end_year__gte=models.F("start_year")), name="endorsement_order"),
        ]

    def __str__(self):
        return f"{self.centre} {self.start_year}–{self.end_year}"


class WorkPlan(ConcurrentTransitionMixin, DomainModel):
    """A centre's work plan for its endorsement period: drafted by the centre, approved by the COP decision
    that endorses it."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted to the Secretariat")
        APPROVED = "approved", _("Approved by the Conference of the Parties")

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="work_plans", verbose_name=_("centre"))
    start_year = models.PositiveSmallIntegerField(_("from"))
    end_year = models.PositiveSmallIntegerField(_("until"))
    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT, protected=True)
    # The template's sections.
    objectives = models.TextField(_("objectives"), help_text=_("What the centre aims to achieve in the period"))
    planned_activities = models.TextField(_("planned activities"))
    parties_to_serve = models.TextField(_("Parties to be served and how"), blank=True)
    partners = models.TextField(_("partners and co-operation"), blank=True)
    budget = models.TextField(_("budget and sources of funding"), blank=True)
    document = models.FileField(
        _("work plan document"), upload_to="centres/workplans/", blank=True, validators=[DocumentValidator()]
    )
    approved_by = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("approved by decision")
    )

    class Meta:
        verbose_name = _("work plan")
        verbose_name_plural = _("work plans")
        ordering = ["centre", "-start_year"]
        constraints = [
            models.CheckConstraint(condition=models.Q(end_year__gte=models.F("start_year")), name="workplan_order")
        ]

    def __str__(self):
        return f"{self.centre} {self.start_year}–{self.end_year}"

    @transition(state, source=State.DRAFT, target=State.SUBMITTED)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.APPROVED)
    def approve(self):
        pass

    @property
    def document_filename(self):
        """The name its author gave the document (the stored name adds a random folder)."""
        return self.document.name.rsplit("/", 1)[-1] if self.document else ""


class ReportingPeriod(DomainModel):
    """A period every centre reports its activities on, by a deadline the Secretariat sets."""

    title = models.CharField(_("title"), max_length=100, help_text=_("For example: 2025"))
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    deadline = models.DateField(_("report due"), help_text=_("In Geneva time"))

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ["-start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="period_order")]

    def __str__(self):
        return self.title


class ActivityReport(ConcurrentTransitionMixin, DomainModel):
    """A centre's report of its activities for one period: drafted and submitted by the centre, accepted by
    the Secretariat."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted by the Secretariat")

    REPORTED_STATES = (State.SUBMITTED, State.ACCEPTED)

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="reports", verbose_name=_("centre"))
    period = models.ForeignKey(ReportingPeriod, models.PROTECT, related_name="reports", verbose_name=_("period"))
    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT, protected=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("accepted by")
    )
    returned_at = models.DateTimeField(_("returned for revision"), null=True, blank=True)
    return_reason = models.TextField(
        _("reason for returning the report"), blank=True, help_text=_("What the centre should revise; it is e-mailed")
    )

    class Meta:
        verbose_name = _("activity report")
        verbose_name_plural = _("activity reports")
        ordering = ["-period__start"]
        constraints = [models.UniqueConstraint(fields=["centre", "period"], name="report_per_period")]

    def __str__(self):
        return f"{self.centre} — {self.period}"

    @transition(state, source=State.DRAFT, target=State.SUBMITTED)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.ACCEPTED)
    def accept(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.DRAFT)
    def return_for_revision(self):
        pass

    @property
    def returned(self):
        """A draft the Secretariat sent back: the centre revises it and submits it again."""
        return self.state == self.State.DRAFT and self.returned_at is not None


class Activity(DomainModel):
    """One thing a centre did: the unit the evaluation counts."""

    report = models.ForeignKey(ActivityReport, models.CASCADE, related_name="activities", verbose_name=_("report"))
    title = models.CharField(_("title"), max_length=200)
    assistance_type = models.ForeignKey(
        AssistanceType, models.PROTECT, related_name="+", verbose_name=_("type of activity")
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"))
    parties_benefited = models.ManyToManyField(Party, related_name="+", verbose_name=_("Parties benefited"))
    themes = models.ManyToManyField(Theme, related_name="+", blank=True, verbose_name=_("themes"))
    partners = models.ManyToManyField(Organisation, related_name="+", blank=True, verbose_name=_("partners"))
    budget = models.DecimalField(_("budget"), max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", help_text=_("ISO 4217, e.g. USD"))
    evidence = models.FileField(
        _("evidence"), upload_to="centres/evidence/", blank=True, validators=[DocumentValidator()]
    )
    programme_activity = models.ForeignKey(
        "planning.ProgrammeActivity", models.SET_NULL, null=True, blank=True, related_name="centre_activities",
        verbose_name=_("programme of work activity"),
        help_text=_("The activity of the programme of work this centre activity delivers"),
    )  # fmt: skip

    class Meta:
        verbose_name = _("centre activity")
        verbose_name_plural = _("centre activities")
        ordering = ["start"]
        constraints = [models.CheckConstraint(condition=models.Q(end__gte=models.F("start")), name="activity_order")]

    def __str__(self):
        return self.title

    @property
    def evidence_filename(self):
        """The name its author gave the evidence file (the stored name adds a random folder)."""
        return self.evidence.name.rsplit("/", 1)[-1] if self.evidence else ""

    def get_absolute_url(self):
        return self.report.centre.get_absolute_url()


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


class Feedback(DomainModel):
    """A Party's feedback on a centre's services, shown on the centre page and to its evaluators."""

    centre = models.ForeignKey(RegionalCentre, models.CASCADE, related_name="feedback", verbose_name=_("centre"))
    party = models.ForeignKey(Party, models.PROTECT, related_name="+", verbose_name=_("Party"))
    rating = models.PositiveSmallIntegerField(_("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.TextField(_("comment"), blank=True)
    given_by = models.ForeignKey(settings.AUTH_USER_MODEL, models.PROTECT, related_name="+")

    class Meta:
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.party} → {self.centre}: {self.rating}"


class Nomination(ConcurrentTransitionMixin, DomainModel):
    """A region nominates an institution to become a centre, with a dossier; the COP endorses it (or not)."""

    class State(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted to the Conference of the Parties")
        ENDORSED = "endorsed", _("Endorsed")
        NOT_ENDORSED = "not_endorsed", _("Not endorsed")

    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.SUBMITTED, protected=True)
    institution = models.CharField(_("institution"), max_length=300)
    host_country = models.ForeignKey(Country, models.PROTECT, related_name="+", verbose_name=_("host country"))
    region = models.ForeignKey(Region, models.PROTECT, related_name="+", verbose_name=_("nominated by the region"))
    city = models.CharField(_("city"), max_length=100, blank=True)
    dossier = models.FileField(
        _("nomination dossier"), upload_to="centres/nominations/", validators=[DocumentValidator()]
    )
    decision = models.ForeignKey(
        Decision, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("decision")
    )
    centre = models.ForeignKey(
        RegionalCentre, models.SET_NULL, null=True, blank=True, related_name="nominations", verbose_name=_("centre")
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("nomination")
        verbose_name_plural = _("nominations")
        ordering = ["-created_at"]

    def __str__(self):
        return self.institution

    @transition(state, source=State.SUBMITTED, target=State.ENDORSED)
    def endorse(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.NOT_ENDORSED)
    def decline(self):
        pass

    @property
    def dossier_filename(self):
        """The name its author gave the dossier (the stored name adds a random folder)."""
        return self.dossier.name.rsplit("/", 1)[-1] if self.dossier else ""
