"""Reads of proposals and of the money, shared by pages, API and exports. Totals are computed in SQL, never
stored or typed.

The money, in US dollars at each record's own rate (the FTS rule: a pledge is shown, but counted as funding
only once committed or received):

- pledged: the pledges' amounts;
- committed: the commitments' amounts; received: the receipts' amounts;
- funding: per pledge, the larger of what is committed and what is received (a receipt first settles the
  commitment it pays, and money received without a commitment counts too), summed over the pledges;
- still to raise (activities and trust funds): the approved budget less the funding, never below zero.

A proposal has one figure of what is left, funds to raise (see with_totals).
"""

from decimal import Decimal

from django.db.models import (
    Case,
    DecimalField,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.shortcuts import get_object_or_404

from tahub.accounts.rules import is_secretariat

from .models import BudgetLine, CoFunding, Donor, Pledge, PledgeEntry, Proposal, TrustFund

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def _sum_of(model):
    """The sum of `amount` of a proposal's rows of `model`, as a correlated subquery (no join fan-out)."""
    rows = model.objects.filter(proposal=OuterRef("pk")).order_by().values("proposal")
    return Coalesce(Subquery(rows.annotate(total=Sum("amount")).values("total"), output_field=MONEY), ZERO)


def with_totals(queryset):
    """Annotate a proposal's figures, each defined here once (issue 16.4: one figure, one name):

    - total_budget: Σ of its budget lines;
    - co_funding_pledged: the co-funding typed on the template (co_funding_typed, rows for money that does not
      pass through the Secretariat's books) plus the pledges earmarked to the proposal in the money
      (co_funding_recorded, their USD value at each pledge's rate, in the proposal's currency at its rate);
    - funds_to_raise = total budget − co-funding pledged, never below zero: the seed's "Total funds to be
      raised for proposed activities".

    A donor's pledge is entered once: either as a co-funding row or as a pledge earmarked to the proposal,
    never both (services refuse the second, naming the first). The money earmarked to the proposal (pledged,
    committed, received, funding in USD, see with_money) shows how far the pledges are paid; it is not a
    second figure of what is left to raise."""
    own_rate = Case(When(currency="USD", then=Value(Decimal(1))), default=F("rate_to_usd"), output_field=RATE)
    queryset = with_money(
        queryset.annotate(total_budget=_sum_of(BudgetLine), co_funding_typed=_sum_of(CoFunding)), "proposal",
        approved=None,
    )  # fmt: skip
    queryset = queryset.annotate(
        # Without a rate (a non-USD proposal whose rate is missing) the recorded pledges cannot be converted.
        # (× 1.0: SQLite divides integers as integers.)
        co_funding_recorded=Coalesce(
            ExpressionWrapper(
                F("pledged_usd") * Value(Decimal("1.0")) / NullIf(own_rate, Value(Decimal(0))), output_field=MONEY
            ),
            ZERO,
        )
    ).annotate(
        co_funding_pledged=ExpressionWrapper(F("co_funding_typed") + F("co_funding_recorded"), output_field=MONEY)
    )
    return queryset.annotate(
        funds_to_raise=Greatest(
            ExpressionWrapper(F("total_budget") - F("co_funding_pledged"), output_field=MONEY), ZERO
        )
    )


def proposal_list(*, include_unpublished=False, user=None):
    """Published proposals (all for the Secretariat, `user`, or a caller that has checked the permission), newest
    first, with their computed totals."""
    if include_unpublished or (user is not None and is_secretariat(user)):
        queryset = Proposal.objects.all()
    else:
        queryset = Proposal.objects.filter(state=Proposal.State.PUBLISHED)
    return with_totals(queryset.select_related("convention", "trust_fund")).order_by("-created_at", "-pk")


def proposal_get(pk, *, include_unpublished=False, user=None):
    """One proposal with everything its page shows; unpublished ones are 404 but to the Secretariat (`user`)."""
    from tahub.planning.models import DecisionParagraph, ProgrammeActivity

    queryset = proposal_list(include_unpublished=include_unpublished, user=user).prefetch_related(
        "decisions",
        Prefetch("legal_basis", queryset=DecisionParagraph.objects.select_related("decision")),
        Prefetch("activities", queryset=ProgrammeActivity.objects.select_related("biennium")),
        "budget_lines",
        Prefetch("co_funding", queryset=CoFunding.objects.select_related("organisation")),
    )
    return get_object_or_404(queryset, pk=pk)


# --- the money ------------------------------------------------------------------------------------------------

RATE = DecimalField(max_digits=30, decimal_places=8)


def _usd(amount="amount", rate="rate_to_usd"):
    return ExpressionWrapper(F(amount) * F(rate), output_field=RATE)


def _entries_usd(kind):
    """The sum in USD of a pledge's entries of `kind`, as a correlated subquery."""
    rows = PledgeEntry.objects.filter(pledge=OuterRef("pk"), kind=kind).order_by().values("pledge")
    return Coalesce(Subquery(rows.annotate(total=Sum(_usd())).values("total"), output_field=RATE), ZERO)


def _entries_own(kind):
    """The sum in the pledge's own currency of its entries of `kind`."""
    rows = PledgeEntry.objects.filter(pledge=OuterRef("pk"), kind=kind).order_by().values("pledge")
    return Coalesce(Subquery(rows.annotate(total=Sum("amount")).values("total"), output_field=MONEY), ZERO)


def pledges_with_totals(queryset=None):
    """Pledges with amount_usd, committed(_usd), received(_usd), funding_usd (counted, FTS) and outstanding (in
    the pledge's currency: pledged less the larger of committed and received, never below zero)."""
    queryset = Pledge.objects.all() if queryset is None else queryset
    return queryset.annotate(
        amount_usd=_usd(),
        committed=_entries_own(PledgeEntry.Kind.COMMITMENT),
        received=_entries_own(PledgeEntry.Kind.RECEIPT),
        committed_usd=_entries_usd(PledgeEntry.Kind.COMMITMENT),
        received_usd=_entries_usd(PledgeEntry.Kind.RECEIPT),
    ).annotate(
        funding_usd=Greatest("committed_usd", "received_usd"),
        outstanding=Greatest(F("amount") - Greatest("committed", "received"), ZERO),
    )


def _flat_sum(model, key, **filters):
    """Σ amount × rate (USD) of the `model` rows whose `key` is the outer row: one grouped aggregate per row, no
    nested subquery per pledge (0 if none)."""
    rows = model.objects.filter(**{key: OuterRef("pk")}, **filters).order_by().values(key)
    return Coalesce(Subquery(rows.annotate(total=Sum(_usd())).values("total"), output_field=RATE), ZERO)


class FundingOf(Expression):
    """Funding (FTS) of the pledges whose `field` is the outer row: Σ over those pledges of max(committed,
    received) in USD. Two levels, one statement: the entries joined to their pledges grouped by pledge, then
    summed. (The ORM cannot aggregate an aggregate, hence the SQL; it runs on SQLite and PostgreSQL alike.)"""

    output_field = RATE

    def __init__(self, field):
        super().__init__(output_field=RATE)
        self.key_field, self.outer = field, F("pk")

    def get_source_expressions(self):
        return [self.outer]

    def set_source_expressions(self, exprs):
        (self.outer,) = exprs

    def get_group_by_cols(self):
        return self.outer.get_group_by_cols()  # in a grouped query: by the outer row, not by this subquery

    def as_sql(self, compiler, connection):
        outer, params = compiler.compile(self.outer)
        q = connection.ops.quote_name
        entries, pledges = q(PledgeEntry._meta.db_table), q(Pledge._meta.db_table)
        key = q(Pledge._meta.get_field(self.key_field).column)
        usd = f"{entries}.{q('amount')} * {entries}.{q('rate_to_usd')}"
        kind = f"{entries}.{q('kind')}"
        sql = f"""COALESCE((SELECT SUM(CASE WHEN per_pledge.c > per_pledge.r THEN per_pledge.c ELSE per_pledge.r END)
            FROM (SELECT SUM(CASE WHEN {kind} = %s THEN {usd} ELSE 0 END) AS c,
                         SUM(CASE WHEN {kind} = %s THEN {usd} ELSE 0 END) AS r
                  FROM {entries} INNER JOIN {pledges} ON {pledges}.{q("id")} = {entries}.{q("pledge_id")}
                  WHERE {pledges}.{key} = {outer}
                  GROUP BY {entries}.{q("pledge_id")}) per_pledge), 0)"""  # noqa: S608 (names from the models)
        return sql, (PledgeEntry.Kind.COMMITMENT.value, PledgeEntry.Kind.RECEIPT.value, *params)


def with_money(queryset, field, approved="approved_budget"):
    """Annotate rows (activities, trust funds, proposals) with pledged_usd, committed_usd, received_usd,
    funding_usd and, unless `approved` is None, still_to_raise (= approved budget − funding, never below zero;
    null without a budget). Proposals have no still_to_raise: their one figure is funds_to_raise."""
    through = f"pledge__{field}"
    queryset = queryset.annotate(
        pledged_usd=_flat_sum(Pledge, field),
        committed_usd=_flat_sum(PledgeEntry, through, kind=PledgeEntry.Kind.COMMITMENT),
        received_usd=_flat_sum(PledgeEntry, through, kind=PledgeEntry.Kind.RECEIPT),
        funding_usd=FundingOf(field),
    )
    if approved is None:
        return queryset
    # Explicit about a missing budget: PostgreSQL's GREATEST skips NULL, SQLite's MAX returns it.
    return queryset.annotate(
        still_to_raise=Case(
            When(**{f"{approved}__isnull": True}, then=Value(None, output_field=RATE)),
            default=Greatest(F(approved) - F("funding_usd"), ZERO),
            output_field=RATE,
        )
    )


def activity_contributions(*, biennium=None, trust_fund=None):
    """The public contributions table: each programme activity (number, title, approved budget) with its money
    and its published proposals (their concept notes), by biennium (latest first) and number. Call
    attach_donors() on the rows of a page to add their donors."""
    from tahub.planning.models import ProgrammeActivity

    queryset = ProgrammeActivity.objects.select_related("biennium", "trust_fund")
    if biennium is not None:
        queryset = queryset.filter(biennium__start_year=biennium)
    if trust_fund is not None:
        queryset = queryset.filter(trust_fund__code=trust_fund)
    published = Proposal.objects.filter(state=Proposal.State.PUBLISHED).order_by("pk").only("pk", "title")
    queryset = queryset.prefetch_related(Prefetch("proposals", queryset=published, to_attr="published_proposals"))
    return with_money(queryset, "activity").order_by("-biennium__start_year", "number", "pk")


def attach_donors(activities):
    """Set `.donors` (names, sorted) on each activity of a page: one query for the whole page."""
    activities = list(activities)
    names = {}
    pledges = Pledge.objects.filter(activity__in=[a.pk for a in activities]).select_related(
        "donor__party__country", "donor__organisation"
    )
    for pledge in pledges:
        names.setdefault(pledge.activity_id, set()).add(pledge.donor.display_name)
    for activity in activities:
        activity.donors = sorted(names.get(activity.pk, ()))
    return activities


def trust_fund_list():
    """The trust funds by code, for filters (no money: that costs a pass over every pledge)."""
    return TrustFund.objects.order_by("code")


def trust_funds_with_money():
    """Each trust fund: its approved budget (Σ of its programme activities' approved budgets) and its money."""
    from tahub.planning.models import ProgrammeActivity

    budgets = (
        ProgrammeActivity.objects.filter(trust_fund=OuterRef("pk")).order_by().values("trust_fund")
        .annotate(total=Sum("approved_budget")).values("total")
    )  # fmt: skip
    queryset = TrustFund.objects.annotate(approved_budget=Coalesce(Subquery(budgets, output_field=MONEY), ZERO))
    return with_money(queryset, "trust_fund").order_by("code")


def donor_list():
    return Donor.objects.select_related("party__country", "organisation").order_by("kind", "name", "pk")


def pledge_list(*, activity=None, trust_fund=None, donor=None, unpaid=False):
    """Pledges for the staff pages and exports, newest first, with their computed totals."""
    queryset = Pledge.objects.select_related(
        "donor__party__country", "donor__organisation", "trust_fund", "activity__biennium", "proposal"
    )
    filters = {"activity": activity, "trust_fund": trust_fund, "donor": donor}
    queryset = queryset.filter(**{k: v for k, v in filters.items() if v is not None})
    queryset = pledges_with_totals(queryset)
    if unpaid:
        queryset = queryset.filter(outstanding__gt=0)
    return queryset.order_by("-pledged_on", "-pk")


def pledges_visible_to(user):
    """The pledges `user` may see one by one (funding.view_pledge), newest first, with their totals: every pledge
    for the Secretariat, a donor organisation's own pledges for its members, none for anyone else."""
    if is_secretariat(user):
        return pledge_list()
    if not user.is_authenticated:
        return pledge_list().none()
    return pledge_list().filter(donor__organisation__memberships__user=user)


def donors_of(user):
    """The donors whose organisation `user` is a member of, by name."""
    if not user.is_authenticated:
        return Donor.objects.none()
    return donor_list().filter(organisation__memberships__user=user)


def pledge_get(pk):
    queryset = pledge_list().prefetch_related("entries")
    return get_object_or_404(queryset, pk=pk)


def entry_get(pledge_pk, pk):
    """One commitment or receipt of a pledge (404 if voided or another pledge's), with its pledge's totals."""
    return get_object_or_404(PledgeEntry.objects.select_related("pledge"), pledge_id=pledge_pk, pk=pk)


def voided_entries(pledge):
    """The pledge's voided commitments and receipts, as their history keeps them (last values, the reason, who
    voided them and when), newest first."""
    records = PledgeEntry.history.filter(pledge_id=pledge.pk, history_type="-")
    return records.select_related("history_user").order_by("-history_date", "-history_id")


def pledges_to_remind(today, *, every_days=30):
    """Cash or in-kind pledges not fully received whose payment date has come, with a donor e-mail, and not
    reminded in the last `every_days` days."""
    import datetime

    recent = today - datetime.timedelta(days=every_days)
    queryset = (
        pledge_list()
        .filter(due_on__lte=today)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lte=recent))
    )
    queryset = queryset.annotate(received_own=F("received")).filter(received_own__lt=F("amount"))
    return queryset.exclude(donor__email="")


def transactions_for_activities(activity_ids):
    """For the IATI export: per activity, its money as transactions, oldest first. Each is a dict: activity_id,
    pledge_id, type ("pledge" = IATI 13 incoming pledge, "commitment" = 11 incoming commitment, "receipt" = 12
    incoming funds), date, currency, amount (Decimal, own currency), rate_to_usd, rate_date, in_kind (bool),
    donor (name), donor_kind ("party"/"organisation"/"other"), donor_iso3 (a Party's country code or ""),
    donor_organisation_id (or None), trust_fund (code). Two queries, whatever the number of activities."""
    pledges = list(
        Pledge.objects.filter(activity_id__in=activity_ids)
        .select_related("donor__party__country", "donor__organisation", "trust_fund")
        .order_by("activity_id", "pledged_on", "pk")
    )
    entries = PledgeEntry.objects.filter(pledge__activity_id__in=activity_ids).order_by("date", "pk")
    by_pledge = {}
    for entry in entries:
        by_pledge.setdefault(entry.pledge_id, []).append(entry)
    rows = []
    for pledge in pledges:
        donor = pledge.donor
        common = {
            "activity_id": pledge.activity_id, "pledge_id": pledge.pk, "currency": pledge.currency,
            "in_kind": pledge.kind == Pledge.Kind.IN_KIND, "donor": donor.display_name, "donor_kind": donor.kind,
            "donor_iso3": donor.party.country.iso3 if donor.party_id else "",
            "donor_organisation_id": donor.organisation_id, "trust_fund": pledge.trust_fund.code,
        }  # fmt: skip
        rows.append(common | {"type": "pledge", "date": pledge.pledged_on, "amount": pledge.amount,
                              "rate_to_usd": pledge.rate_to_usd, "rate_date": pledge.rate_date})  # fmt: skip
        for entry in by_pledge.get(pledge.pk, []):
            rows.append(common | {"type": entry.kind, "date": entry.date, "amount": entry.amount,
                                  "rate_to_usd": entry.rate_to_usd, "rate_date": entry.rate_date})  # fmt: skip
    return sorted(rows, key=lambda row: (row["activity_id"], row["date"], row["pledge_id"]))
