"""Project proposals on the Secretariat's template, their budget lines and co-funding, and the trust funds;
the money: donors, their pledges to a trust fund and the commitments and receipts that settle them.

Amounts are Decimal in their own currency (ISO 4217), with the rate to USD used and its date. Totals (budget,
co-funding, funds still to raise; pledged, committed, received per activity, fund and proposal) are never
stored: selectors compute them in SQL, so they cannot disagree with the rows.
"""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from tahub.core.models import DomainModel, NaturalKeyManager
from tahub.directory.models import Organisation
from tahub.parties.models import Convention, Party
from tahub.planning.models import Decision, LegalBasisField, ProgrammeActivity

from .currencies import validate_currency

AMOUNT = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}
POSITIVE = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0.01"))]}
RATE = {"max_digits": 18, "decimal_places": 6, "validators": [MinValueValidator(Decimal("0.000001"))]}
CURRENCY = validate_currency  # ISO 4217 codes in use (currencies.py)


class TrustFund(DomainModel):
    """A trust fund money is raised for and paid into, e.g. SV (reference data)."""

    code = models.CharField(_("code"), max_length=10, unique=True, help_text=_("For example: SV"))
    name = models.CharField(_("name"), max_length=200)
    convention = models.ForeignKey(
        Convention, models.PROTECT, null=True, blank=True, related_name="trust_funds", verbose_name=_("convention")
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = NaturalKeyManager("code")

    class Meta:
        verbose_name = _("trust fund")
        verbose_name_plural = _("trust funds")
        ordering = ["code"]

    def __str__(self):
        return f"{self.code} — {self.name}"

    def natural_key(self):
        return (self.code,)


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

    @transition(state, source=State.DRAFT, target=State.IN_REVIEW)
    def submit(self):
        pass

    @transition(state, source=State.IN_REVIEW, target=State.DRAFT)
    def return_to_draft(self):
        pass

    @transition(state, source=State.IN_REVIEW, target=State.PUBLISHED)
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


class Donor(DomainModel):
    """Who gives: a Party, an organisation of the directory, or another named donor (exactly one of them).
    `version` goes up with every change, so a stale edit is refused (as a pledge's)."""

    class Kind(models.TextChoices):
        PARTY = "party", _("Party")
        ORGANISATION = "organisation", _("Organisation")
        OTHER = "other", _("Other donor")

    kind = models.CharField(_("kind of donor"), max_length=20, choices=Kind.choices)
    party = models.ForeignKey(
        Party, models.PROTECT, null=True, blank=True, related_name="donors", verbose_name=_("Party")
    )
    organisation = models.ForeignKey(
        Organisation, models.PROTECT, null=True, blank=True, related_name="donors", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200, blank=True, help_text=_("Only for another donor."))
    email = models.EmailField(_("e-mail for reminders"), blank=True)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("donor")
        verbose_name_plural = _("donors")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="party", party__isnull=False, organisation__isnull=True, name="")
                    | models.Q(kind="organisation", organisation__isnull=False, party__isnull=True, name="")
                    | (models.Q(kind="other", party__isnull=True, organisation__isnull=True) & ~models.Q(name=""))
                ),
                name="donor_is_one_of_party_organisation_other",
            ),
            models.UniqueConstraint(fields=["party"], name="donor_unique_party"),
            models.UniqueConstraint(fields=["organisation"], name="donor_unique_organisation"),
            models.UniqueConstraint(fields=["name"], condition=models.Q(kind="other"), name="donor_unique_other_name"),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self):
        if self.kind == self.Kind.PARTY and self.party_id:
            return str(self.party.country)
        if self.kind == self.Kind.ORGANISATION and self.organisation_id:
            return self.organisation.name
        return self.name


class Pledge(DomainModel):
    """A donor's pledge to a trust fund, earmarked to a programme activity or a proposal, or not earmarked;
    in cash or in kind (valued). Shown, but counted as funding only once committed or received (the FTS rule).
    `version` goes up with every change, so a stale edit is refused."""

    class Kind(models.TextChoices):
        CASH = "cash", _("Cash")
        IN_KIND = "in_kind", _("In kind")

    donor = models.ForeignKey(Donor, models.PROTECT, related_name="pledges", verbose_name=_("donor"))
    trust_fund = models.ForeignKey(TrustFund, models.PROTECT, related_name="pledges", verbose_name=_("trust fund"))
    activity = models.ForeignKey(
        ProgrammeActivity, models.PROTECT, null=True, blank=True, related_name="pledges",
        verbose_name=_("programme activity"), help_text=_("Earmarked to this activity; empty if not earmarked."),
    )  # fmt: skip
    proposal = models.ForeignKey(
        Proposal, models.PROTECT, null=True, blank=True, related_name="pledges", verbose_name=_("proposal"),
        help_text=_("Earmarked to this proposal; empty if not earmarked."),
    )  # fmt: skip
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.CASH)
    in_kind_description = models.TextField(_("what is given in kind"), blank=True)
    currency = models.CharField(_("currency"), max_length=3, default="USD", validators=[CURRENCY])
    amount = models.DecimalField(_("amount pledged"), help_text=_("In kind: its value."), **POSITIVE)
    rate_to_usd = models.DecimalField(
        _("exchange rate to USD"), help_text=_("USD for one unit of the currency; 1 for USD."), **RATE
    )
    rate_date = models.DateField(_("date of the rate"))
    pledged_on = models.DateField(_("pledged on"))
    due_on = models.DateField(_("payment expected by"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    last_reminded_on = models.DateField(_("last reminded on"), null=True, blank=True, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        verbose_name = _("pledge")
        verbose_name_plural = _("pledges")
        ordering = ["-pledged_on", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="pledge_amount_gt_0"),
            models.CheckConstraint(condition=models.Q(rate_to_usd__gt=0), name="pledge_rate_gt_0"),
            models.CheckConstraint(
                condition=~models.Q(currency="USD") | models.Q(rate_to_usd=1), name="pledge_usd_rate_is_1"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="in_kind") | ~models.Q(in_kind_description=""),
                name="pledge_in_kind_described",
            ),
        ]

    def __str__(self):
        return f"{self.donor} — {self.currency} {self.amount}"


class PledgeEntry(DomainModel):
    """One dated step that settles a pledge: a commitment (a signed agreement) or a receipt (money or goods
    received), in the pledge's currency with its own rate to USD. Several make partial payments. Staff correct
    one or void it with a reason (services); a voided entry is deleted, so no total can count it, and its
    history keeps its last values, the reason and who voided it."""

    class Kind(models.TextChoices):
        COMMITMENT = "commitment", _("Commitment")
        RECEIPT = "receipt", _("Receipt")

    pledge = models.ForeignKey(Pledge, models.CASCADE, related_name="entries", verbose_name=_("pledge"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    date = models.DateField(_("date"))
    amount = models.DecimalField(_("amount"), **POSITIVE)
    rate_to_usd = models.DecimalField(_("exchange rate to USD"), **RATE)
    rate_date = models.DateField(_("date of the rate"))
    note = models.TextField(_("note"), blank=True, help_text=_("Required when the total exceeds the pledge."))
    void_reason = models.TextField(
        _("why it was voided"), blank=True, editable=False,
        help_text=_("Set when staff void the entry: the row is removed and its history keeps it with this reason."),
    )  # fmt: skip

    class Meta:
        verbose_name = _("commitment or receipt")
        verbose_name_plural = _("commitments and receipts")
        ordering = ["pledge", "date", "pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(amount__gt=0), name="pledgeentry_amount_gt_0"),
            models.CheckConstraint(condition=models.Q(rate_to_usd__gt=0), name="pledgeentry_rate_gt_0"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}: {self.amount}"

    @property
    def currency(self):
        return self.pledge.currency
