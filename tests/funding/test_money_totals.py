"""The money totals computed in SQL (selectors.with_money: per activity, trust fund and proposal) agree with an
independent calculation in Python over generated pledges, commitments, receipts and voided entries."""

import datetime
import random
from collections import defaultdict
from decimal import Decimal

import pytest

from tahub.funding import selectors, services
from tahub.funding.models import BudgetLine, Pledge, PledgeEntry, Proposal, TrustFund
from tahub.parties.models import Convention
from tahub.planning.models import ProgrammeActivity
from tests.accounts import cast

from .money import activity, donor

pytestmark = pytest.mark.django_db
CENT, RATE = Decimal("0.01"), Decimal("0.000001")
# SQLite multiplies decimals as floating point (PostgreSQL exactly): allow a millionth of a dollar.
TOLERANCE = Decimal("0.000001")
DAY = datetime.date(2026, 1, 1)


def _amount(rng, low, high):
    return (Decimal(rng.randint(low * 100, high * 100)) / 100).quantize(CENT)


def _generate(admin, rng):
    """Pledges in USD and EUR to the three funds, earmarked to activities, proposals or neither; 0–3 entries each
    (recorded through the service, a note allowing any excess), about one in six then voided."""
    activities = [activity(number=n, budget=b) for n, b in ((1, "50000"), (2, "1000"), (3, None))]
    sc = Convention.objects.get(code="SC")
    proposals = [
        Proposal.objects.create(convention=sc, title="In USD", approved_budget=Decimal("80000"), rate_to_usd=1),
        Proposal.objects.create(
            convention=sc,
            title="In EUR",
            currency="EUR",
            approved_budget=Decimal("20000"),
            rate_to_usd=Decimal("1.085"),
            rate_date=DAY,
        ),  # fmt: skip
        Proposal.objects.create(convention=sc, title="No budget", rate_to_usd=1),
    ]
    for proposal, total in zip(proposals, ("500000", "300000", "1000"), strict=True):
        BudgetLine.objects.create(proposal=proposal, component="All", amount=Decimal(total))
    donors = [donor(admin, name=f"Donor {i}") for i in range(4)]
    funds = list(TrustFund.objects.filter(code__in=["SV", "BD", "RV"]))
    for _ in range(40):
        euro = rng.random() < 0.4
        data = {
            "donor": rng.choice(donors), "trust_fund": rng.choice(funds), "amount": _amount(rng, 1, 20000),
            "activity": rng.choice([*activities, None]), "proposal": rng.choice([*proposals, None]),
            "currency": "EUR" if euro else "USD", "pledged_on": DAY,
            "rate_to_usd": Decimal(rng.randint(900000, 1300000)) * RATE if euro else None,
            "rate_date": DAY if euro else None,
        }  # fmt: skip
        given = services.record_pledge(by=admin, data=data)
        for _ in range(rng.randint(0, 3)):
            step = {"kind": rng.choice(list(PledgeEntry.Kind)), "date": DAY, "amount": _amount(rng, 1, 15000),
                    "note": "generated", "rate_to_usd": Decimal(rng.randint(900000, 1300000)) * RATE if euro else None,
                    "rate_date": DAY}  # fmt: skip
            recorded = services.record_entry(given, by=admin, data=step)
            if rng.random() < 0.17:
                version = Pledge.objects.get(pk=given.pk).version
                services.void_entry(recorded, by=admin, reason="generated", seen_version=version)
    return activities, proposals


def _expected(field, approved):
    """Per `field` value: pledged, committed, received, funding (Σ per pledge of max(committed, received)) and
    still to raise, in USD, from the rows read one by one."""
    totals = defaultdict(lambda: dict.fromkeys(("pledged", "committed", "received", "funding"), Decimal(0)))
    entries = defaultdict(list)
    for row in PledgeEntry.objects.all():
        entries[row.pledge_id].append(row)
    for pledge in Pledge.objects.all():
        key = getattr(pledge, f"{field}_id")
        per_kind = {kind: sum((e.amount * e.rate_to_usd for e in entries[pledge.pk] if e.kind == kind), Decimal(0))
                    for kind in PledgeEntry.Kind}  # fmt: skip
        money = totals[key]
        money["pledged"] += pledge.amount * pledge.rate_to_usd
        money["committed"] += per_kind[PledgeEntry.Kind.COMMITMENT]
        money["received"] += per_kind[PledgeEntry.Kind.RECEIPT]
        money["funding"] += max(per_kind.values())
    for key, budget in approved.items():
        money = totals[key]
        money["still_to_raise"] = None if budget is None else max(budget - money["funding"], Decimal(0))
    return totals


def _assert_agree(rows, expected, still_to_raise=True):
    for row in rows:
        want = expected[row.pk]
        for name in ("pledged", "committed", "received", "funding"):
            got = getattr(row, f"{name}_usd")
            assert isinstance(got, Decimal) and abs(got - want[name]) <= TOLERANCE, (row, name, got, want[name])
        if not still_to_raise:
            continue
        if want["still_to_raise"] is None:
            assert row.still_to_raise is None, row
        else:
            assert abs(row.still_to_raise - want["still_to_raise"]) <= TOLERANCE, (row, row.still_to_raise)


@pytest.mark.parametrize("seed", [1, 2])
def test_sql_totals_agree_with_a_python_calculation(seed):
    admin = cast.staff("admin@example.org")
    activities, proposals = _generate(admin, random.Random(seed))
    assert PledgeEntry.history.filter(history_type="-").exists()  # some voided entries are in the data

    by_activity = _expected("activity", {a.pk: a.approved_budget for a in activities})
    _assert_agree(selectors.activity_contributions().filter(pk__in=[a.pk for a in activities]), by_activity)

    fund_budgets = defaultdict(Decimal)
    for fund_id, budget in ProgrammeActivity.objects.values_list("trust_fund_id", "approved_budget"):
        fund_budgets[fund_id] += budget or 0
    funds = TrustFund.objects.all()
    _assert_agree(
        selectors.trust_funds_with_money(), _expected("trust_fund", {f.pk: fund_budgets[f.pk] for f in funds})
    )

    by_proposal = _expected("proposal", {})
    rows = selectors.proposal_list(include_unpublished=True)
    _assert_agree(rows, by_proposal, still_to_raise=False)
    for row in rows:  # the one figure of a proposal: total − (co-funding typed + pledges earmarked, in its currency)
        total = sum((line.amount for line in row.budget_lines.all()), Decimal(0))
        typed = sum((c.amount for c in row.co_funding.all()), Decimal(0))
        recorded = by_proposal[row.pk]["pledged"] / (row.rate_to_usd or 1)
        assert abs(row.funds_to_raise - max(total - typed - recorded, Decimal(0))) <= CENT, row
