"""A centre's work plan for its endorsement period, and its approval by the COP."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.core.uploads import DocumentValidator
from tahub.planning.models import Decision

from .centres import RegionalCentre

# Who may take each transition (core/workflow.py asks it): the centre's own staff submit their centre's plan (the
# permission is granted on the centre, so it is asked on the plan's centre); the Secretariat records the COP's
# approval.
REPORT = on_object("centres.report_activities", of="centre")
EVALUATE = on_object("centres.evaluate")


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

    @transition(state, source=State.DRAFT, target=State.SUBMITTED, permission=REPORT)
    def submit(self):
        pass

    @transition(state, source=State.SUBMITTED, target=State.APPROVED, permission=EVALUATE)
    def approve(self):
        pass

    @property
    def document_filename(self):
        """The name its author gave the document (the stored name adds a random folder)."""
        return self.document.name.rsplit("/", 1)[-1] if self.document else ""
