"""Project proposals on the Secretariat's template (concept notes), their budget lines and the co-funding
pledged to them. Their totals are never stored: selectors compute them in SQL."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel
from tahub.core.rules import on_object
from tahub.directory.models import Organisation
from tahub.parties.models import Convention
from tahub.planning.models import Decision, LegalBasisField, ProgrammeActivity

from .amounts import AMOUNT, CURRENCY, RATE
from .trust_funds import TrustFund

# Who may move a proposal through its workflow (funding/rules.py).
EDIT = on_object("funding.change_proposal")


class Proposal(ConcurrentTransitionMixin, DomainModel):
    """A project proposal (concept note) that raises money for programme-of-work activities. `version` goes up
    with every edit of its content, so a stale edit is refused (as a pledge's)."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

    convention = models.ForeignKey(Convention, models.PROTECT, related_name="proposals", verbose_name=_("convention"))
    title = models.TextField(_("title"))
    decisions = models.ManyToManyField(
        Decision, blank=True, related_name="proposals", verbose_name=_("legal basis (decisions)")
    )
    legal_basis = LegalBasisField(related_name="proposals")
    activities = models.ManyToManyField(
        ProgrammeActivity,
        blank=True,
        related_name="proposals",
        verbose_name=_("programme activities"),
        help_text=_("The activities this proposal raises money for; their public table links to its concept note."),
    )
    legal_basis_notes = models.TextField(
        _("legal basis: paragraphs"), blank=True, help_text=_("For example: SC-5/20, paragraph 8")
    )
    work_programme_activities = models.CharField(
        _("work programme activity numbers"),
        max_length=200,
        blank=True,
        validators=[RegexValidator(r"^[0-9]+(\s*,\s*[0-9]+)*$", _("Activity numbers separated by commas."))],
        help_text=_("For example: 11, 12, 33"),
    )
    background = models.TextField(_("background information"), blank=True)
    proposed_activities = models.TextField(_("proposed activities to be funded"), blank=True)
    results = models.TextField(_("results to be achieved"), blank=True)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="USD",
        validators=[CURRENCY],
    )
    rate_to_usd = models.DecimalField(
        _("exchange rate to USD"), null=True, blank=True,
        help_text=_("USD for one unit of the currency: required for any currency but USD (1 for USD)."), **RATE,
    )  # fmt: skip
    rate_date = models.DateField(_("date of the rate"), null=True, blank=True)
    approved_budget = models.DecimalField(
        _("COP-approved budget"), null=True, blank=True, help_text=_("As approved by the COP"), **AMOUNT
    )
    trust_fund = models.ForeignKey(
        TrustFund, models.PROTECT, null=True, blank=True, related_name="proposals", verbose_name=_("trust fund")
    )
    state = FSMField(_("status"), max_length=20, choices=State.choices, default=State.DRAFT, protected=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(approved_budget__isnull=True) | models.Q(approved_budget__gte=0),
                name="proposal_budget_gte_0",
            ),
            models.CheckConstraint(
                condition=~models.Q(currency="USD") | models.Q(rate_to_usd=1), name="proposal_usd_rate_is_1"
            ),
        ]

    def __str__(self):
        return self.title[:80]

    def get_absolute_url(self):
        return reverse("funding:detail", args=[self.pk])

    @property
    def activity_numbers(self):
        return [n.strip() for n in self.work_programme_activities.split(",") if n.strip()]

    @transition(state, source=State.DRAFT, target=State.IN_REVIEW, permission=EDIT)
    def submit(self):
        pass

    @transition(state, source=State.IN_REVIEW, target=State.DRAFT, permission=EDIT)
    def return_to_draft(self):
        pass

    @transition(state, source=State.IN_REVIEW, target=State.PUBLISHED, permission=EDIT)
    def publish(self):
        pass


class BudgetLine(DomainModel):
    """One budget component of a proposal, in the proposal's currency."""

    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="budget_lines", verbose_name=_("proposal"))
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    component = models.CharField(_("budget component"), max_length=300)
    amount = models.DecimalField(_("amount"), **AMOUNT)

    class Meta:
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")
        ordering = ["proposal", "position", "pk"]
        constraints = [models.CheckConstraint(condition=models.Q(amount__gte=0), name="budgetline_amount_gte_0")]

    def __str__(self):
        return self.component


class CoFunding(DomainModel):
    """Co-funding pledged to a proposal by a donor (named, or an organisation of the directory)."""

    proposal = models.ForeignKey(Proposal, models.CASCADE, related_name="co_funding", verbose_name=_("proposal"))
    donor_name = models.CharField(_("donor"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("donor organisation")
    )
    amount = models.DecimalField(_("amount pledged"), **AMOUNT)

    class Meta:
        verbose_name = _("co-funding pledge")
        verbose_name_plural = _("co-funding pledges")
        ordering = ["proposal", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="cofunding_amount_gte_0"),
            models.CheckConstraint(
                condition=~models.Q(donor_name="") | models.Q(organisation__isnull=False), name="cofunding_has_donor"
            ),
        ]

    def __str__(self):
        return self.donor

    @property
    def donor(self):
        return str(self.organisation) if self.organisation_id else self.donor_name
