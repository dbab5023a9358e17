"""Generated money: donors (Parties, organisations, other named donors) and their pledges to the trust funds,
with commitments and receipts. At the benchmark scale 200 donors and 10,000 pledges (about 15,000 commitments
and receipts), most earmarked to the programme activities that exist (the planning generator's, when it ran
before, or the reference data's).

Natural keys from (seed, index) make a second run create nothing: a donor's e-mail, a pledge's note. Amounts
are whole dollars or euros; one pledge in five is in EUR with a rate, one in twenty in kind. Pledged, committed
and received follow the FTS life cycle: some only pledged, some committed, most partly or fully received.
"""

import datetime
from decimal import Decimal

from django.db.models import Case, Value, When
from simple_history.utils import bulk_create_with_history

from tahub.directory.models import Organisation
from tahub.funding.models import Donor, Pledge, PledgeEntry, TrustFund
from tahub.parties.models import Party
from tahub.planning.models import ProgrammeActivity

from .keys import CHANGE_REASON

FUNDS_WEIGHTS = {"SV": 6, "BD": 2, "RV": 2}
OTHER_DONORS = ["Foundation for Chemical Safety", "Global Environment Trust", "Clean Future Fund",
                "Private Sector Partnership", "Philanthropic Alliance"]  # fmt: skip


def donor_email(seed, index):
    return f"donor-{index:05d}@gen{seed}.tahub.localhost"


def pledge_key(seed, index):
    return f"generated pledge GEN{seed}-{index:06d}"


def _donor(context, index, parties, organisations, taken_names):
    kind = (Donor.Kind.PARTY, Donor.Kind.ORGANISATION, Donor.Kind.OTHER)[index % 3]
    slot = index // 3
    email = donor_email(context.seed, index)
    if kind == Donor.Kind.PARTY and slot < len(parties):
        return Donor(kind=kind, party_id=parties[slot], email=email)
    if kind == Donor.Kind.ORGANISATION and slot < len(organisations):
        return Donor(kind=kind, organisation_id=organisations[slot], email=email)
    # Donor names are unique: a name already taken gets the country the donor is based in, as directories do.
    base = OTHER_DONORS[index // 3 % len(OTHER_DONORS)]
    name, step = base, 0
    while name in taken_names:
        name = f"{base} ({context.countries[(index * 37 + step) % len(context.countries)].name})"
        step += 1
    taken_names.add(name)
    return Donor(kind=Donor.Kind.OTHER, name=name, email=email)


# Organisations that give, first: the first organisation donor (the demo donor's) is a bilateral agency or a
# financial mechanism, not the secretariat of another convention.
DONOR_KINDS = [
    Organisation.Kind.BILATERAL,
    Organisation.Kind.FINANCIAL_MECHANISM,
    Organisation.Kind.FINANCIAL_INSTITUTION,
]


def _donor_organisations():
    giving_first = Case(When(kind__in=DONOR_KINDS, then=Value(0)), default=Value(1))
    return Organisation.objects.order_by(giving_first, "slug")


def generate_donors(context, count):
    """Donors: a Party, an organisation or another named donor in turn; returns how many were created."""
    existing = set(Donor.objects.filter(email__endswith=f"@gen{context.seed}.tahub.localhost").values_list(
        "email", flat=True))  # fmt: skip
    taken_parties = set(Donor.objects.exclude(party=None).values_list("party_id", flat=True))
    taken_orgs = set(Donor.objects.exclude(organisation=None).values_list("organisation_id", flat=True))
    taken_names = set(Donor.objects.exclude(name="").values_list("name", flat=True))
    parties = [pk for pk in Party.objects.filter(convention__code="SC").order_by("country__iso3").values_list(
        "pk", flat=True) if pk not in taken_parties]  # fmt: skip
    organisations = [pk for pk in _donor_organisations().values_list("pk", flat=True)[: count]
                     if pk not in taken_orgs]  # fmt: skip
    wanted = [i for i in range(count) if donor_email(context.seed, i) not in existing]
    new = [_donor(context, i, parties, organisations, taken_names) for i in wanted]
    bulk_create_with_history(new, Donor, batch_size=1000, default_change_reason=CHANGE_REASON)
    return len(new)


def _pledge(context, index, donors, funds, activities):
    rng = context.rng("pledges", index)
    code = rng.choices(list(FUNDS_WEIGHTS), list(FUNDS_WEIGHTS.values()))[0]
    pledged_on = (context.now - datetime.timedelta(days=rng.randint(30, 3650))).date()
    euro = rng.random() < 0.2
    in_kind = rng.random() < 0.05
    activity = rng.choice(activities) if activities and rng.random() < 0.8 else None
    pledge = Pledge(
        donor_id=rng.choice(donors), trust_fund_id=funds[code], activity_id=activity,
        kind=Pledge.Kind.IN_KIND if in_kind else Pledge.Kind.CASH,
        in_kind_description="Experts' time for regional workshops" if in_kind else "",
        currency="EUR" if euro else "USD", amount=Decimal(rng.randint(1, 200) * 5000),
        rate_to_usd=Decimal("1.0850") if euro else Decimal(1), rate_date=pledged_on, pledged_on=pledged_on,
        due_on=pledged_on + datetime.timedelta(days=rng.choice([90, 180, 365])), note=pledge_key(context.seed, index),
    )  # fmt: skip
    return pledge, _entries(rng, pledge, context.now.date())


def _entries(rng, pledge, today):
    """Only pledged (1 in 5), committed (1 in 5), or committed and partly or fully received; never dated after
    today (the services refuse money dated in the future)."""
    stage = rng.random()
    if stage < 0.2:
        return []
    day = min(pledge.pledged_on + datetime.timedelta(days=rng.randint(10, 120)), today)
    commitment = PledgeEntry(kind=PledgeEntry.Kind.COMMITMENT, date=day, amount=pledge.amount,
                             rate_to_usd=pledge.rate_to_usd, rate_date=day)  # fmt: skip
    if stage < 0.4:
        return [commitment]
    share = Decimal(rng.choice([25, 50, 100, 100])) / 100
    paid = min(day + datetime.timedelta(days=rng.randint(10, 200)), today)
    receipt = PledgeEntry(kind=PledgeEntry.Kind.RECEIPT, date=paid, amount=(pledge.amount * share).quantize(Decimal(1)),
                          rate_to_usd=pledge.rate_to_usd, rate_date=paid)  # fmt: skip
    return [commitment, receipt]


def generate_pledges(context, count):
    """Pledges with their commitments and receipts; returns how many pledges were created."""
    donors = list(Donor.objects.order_by("pk").values_list("pk", flat=True))
    if not donors:
        return 0
    funds = dict(TrustFund.objects.values_list("code", "pk"))
    activities = list(ProgrammeActivity.objects.order_by("biennium__start_year", "number").values_list("pk", flat=True))
    existing = set(
        Pledge.objects.filter(note__startswith=pledge_key(context.seed, 0)[:-6]).values_list("note", flat=True)
    )
    made = [_pledge(context, i, donors, funds, activities) for i in range(count)
            if pledge_key(context.seed, i) not in existing]  # fmt: skip
    pledges = [pledge for pledge, _entries in made]
    bulk_create_with_history(pledges, Pledge, batch_size=1000, default_change_reason=CHANGE_REASON)
    if pledges and pledges[0].pk is None:  # a database that does not return ids: read them back by key
        ids = dict(Pledge.objects.filter(note__in=[p.note for p in pledges]).values_list("note", "pk"))
        for pledge in pledges:
            pledge.pk = ids[pledge.note]
    entries = []
    for pledge, rows in made:
        for row in rows:
            row.pledge_id = pledge.pk
            entries.append(row)
    PledgeEntry.objects.bulk_create(entries, batch_size=5000)
    return len(pledges)
