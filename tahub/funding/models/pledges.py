"""A donor's pledges to a trust fund, and the commitments and receipts (pledge entries) that settle them, each
in its own currency with the rate to USD used and its date. Totals are never stored: selectors compute them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from tahub.core.models import DomainModel
from tahub.planning.models import ProgrammeActivity

from .amounts import CURRENCY, POSITIVE, RATE
from .donors import Donor
from .proposals import Proposal
from .trust_funds import TrustFund


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
