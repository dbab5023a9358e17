"""Helpers of the money tests: a programme activity, donors, and pledges recorded through the services."""

import datetime
from decimal import Decimal

from tahub.funding import services
from tahub.funding.models import Donor, TrustFund
from tahub.planning.models import Biennium, ProgrammeActivity
from tests.accounts import cast

DAY = datetime.date(2026, 3, 1)


def activity(number=11, budget="1190000", fund="SV", start_year=2030):
    biennium, _created = Biennium.objects.get_or_create(start_year=start_year, defaults={"end_year": start_year + 1})
    return ProgrammeActivity.objects.create(
        biennium=biennium,
        number=number,
        title=f"Activity {number}: technical assistance",
        approved_budget=Decimal(budget) if budget is not None else None,
        trust_fund=TrustFund.objects.get(code=fund),
    )


def donor(by, name="Norway", email="donor@example.org", iso3=None):
    if iso3:
        return services.save_donor(by=by, data={"kind": Donor.Kind.PARTY, "party": cast.party(iso3), "email": email})
    return services.save_donor(by=by, data={"kind": Donor.Kind.OTHER, "name": name, "email": email})


def pledge(by, who, amount="100000", currency="USD", rate=None, fund="SV", **extra):
    data = {
        "donor": who,
        "trust_fund": TrustFund.objects.get(code=fund),
        "currency": currency,
        "amount": Decimal(amount),
        "pledged_on": DAY,
        "rate_to_usd": Decimal(rate) if rate else None,
        "rate_date": DAY if rate else None,
    } | extra
    return services.record_pledge(by=by, data=data)


def entry(by, pledge, kind, amount, rate=None, note="", day=DAY):
    data = {"kind": kind, "date": day, "amount": Decimal(amount), "note": note}
    if rate:
        data |= {"rate_to_usd": Decimal(rate), "rate_date": day}
    return services.record_entry(pledge, by=by, data=data)
