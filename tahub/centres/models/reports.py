"""Reporting periods, a centre's activity report for each, and the activities it logs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.directory.models import Organisation
from tahub.parties.models import Party
from tahub.vocabularies.models import AssistanceType, Theme

from .centres import RegionalCentre

# Who may take each transition (core/workflow.py asks it): the centre's own staff report for their centre (the
# permission is granted on the centre, so it is asked on the report's centre); the Secretariat accepts reports.
REPORT = on_object("centres.report_activities", of="centre")
ACCEPT = on_object("centres.accept_report")


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

    @transition(state, source=State.DRAFT, target=State.SUBMITTED, permission=REPORT)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.ACCEPTED, permission=ACCEPT)
    def accept(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.DRAFT, permission=ACCEPT)
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
