"""Generated plans, bienniums, programme activities (with budgets, themes, regions) and their citations of decision
paragraphs: at the benchmark's scale 100, 50,000 activities. Deterministic from the seed; bulk-created.

Generated plans start in 2030 (after the real ones), one every four years, each with two bienniums of up to
PER_BIENNIUM activities; generated paragraphs are numbered from 101 on decision SC-7/16 and say so in their notes.
"""

import datetime
import math
from decimal import Decimal

from simple_history.utils import bulk_create_with_history

from tahub.centres.models import Activity, ActivityReport, RegionalCentre, ReportingPeriod
from tahub.funding.models import TrustFund
from tahub.parties.models import Convention, Party, Region
from tahub.planning.models import Biennium, Decision, DecisionParagraph, Objective, ProgrammeActivity, TAPlan
from tahub.vocabularies.models import AssistanceType, Theme

from .keys import CHANGE_REASON

PER_BIENNIUM = 2000
FIRST_YEAR = 2030
# Invented objectives and activities, worded in the manner of the Secretariat's plans.
OBJECTIVES = [
    "Parties have the capacity to develop, review and update their national implementation plans",
    "Parties manage and dispose of POPs stockpiles and wastes in an environmentally sound manner",
    "Parties monitor POPs and contribute to the effectiveness evaluation",
    "Parties meet their reporting obligations under Article 15",
    "Regional centres deliver technical assistance and technology transfer to the Parties of their regions",
]
ACTIVITIES = [
    "Regional workshop on the review and update of national implementation plans",
    "Training of customs officers on the illegal traffic of POPs",
    "Support to inventories of PCB-containing equipment",
    "Guidance and training on the environmentally sound management of POPs wastes",
    "Capacity building for POPs monitoring in the global monitoring plan",
    "Webinar series on national reporting under Article 15",
    "Pilot projects on alternatives to DDT for disease vector control",
    "Assistance on the identification and management of contaminated sites",
    "Training on POPs in products and articles in use",
    "Awareness raising for decision makers on newly listed chemicals",
    "Support to the development of legislation on POPs",
    "Exchange of information and experience between regional centres",
]
PARAGRAPHS = 200  # generated paragraphs that ask for technical assistance; one in ten is cited by nothing
STATUSES = ["planned", "ongoing", "completed", "cancelled"]
DELIVERING_CENTRES = 3  # centres whose generated (submitted) report names the programme activities delivered


def _note(seed):
    return f"Generated (seed {seed})."


def _plans_and_bienniums(seed, bienniums_wanted):
    note = _note(seed)
    plans, bienniums = {}, []
    for index in range(bienniums_wanted):
        start = FIRST_YEAR + 2 * index
        plan_start = FIRST_YEAR + 4 * (index // 2)
        if plan_start not in plans:
            plans[plan_start] = TAPlan.objects.get_or_create(
                start_year=plan_start,
                defaults={
                    "end_year": plan_start + 3,
                    "title": f"Technical assistance plan {plan_start}",
                    "notes": note,
                },
            )[0]
            for number in range(1, 6):
                Objective.objects.get_or_create(
                    plan=plans[plan_start], number=number, defaults={"title": OBJECTIVES[number - 1]}
                )
        bienniums.append(
            Biennium.objects.get_or_create(
                start_year=start, defaults={"end_year": start + 1, "plan": plans[plan_start], "notes": note}
            )[0]
        )
    return bienniums


def _paragraphs(seed):
    decision = Decision.objects.get(number="SC-7/16")
    existing = set(decision.paragraphs.values_list("number", flat=True))
    new = [
        DecisionParagraph(
            decision=decision, number=str(100 + i), position=100 + i, asks_for_assistance=True, notes=_note(seed)
        )
        for i in range(1, PARAGRAPHS + 1)
        if str(100 + i) not in existing
    ]
    bulk_create_with_history(new, DecisionParagraph, batch_size=1000, default_change_reason=CHANGE_REASON)
    return list(decision.paragraphs.filter(position__gt=100).order_by("position").values_list("pk", flat=True))


def generate_programme(context, count):
    """`count` programme activities over as many bienniums as needed; returns how many were created."""
    bienniums = _plans_and_bienniums(context.seed, math.ceil(count / PER_BIENNIUM))
    paragraphs = _paragraphs(context.seed)
    cited = paragraphs[: len(paragraphs) * 9 // 10]
    objectives = {b.pk: list(Objective.objects.filter(plan=b.plan).values_list("pk", flat=True)) for b in bienniums}
    existing = set(ProgrammeActivity.objects.filter(biennium__in=bienniums).values_list("biennium_id", "number"))
    themes = list(Theme.objects.order_by("slug").values_list("pk", flat=True))
    regions, region_names = zip(*Region.objects.order_by("code").values_list("pk", "name"), strict=True)
    conventions = list(Convention.objects.order_by("code").values_list("pk", flat=True))
    funds = list(TrustFund.objects.order_by("code").values_list("pk", flat=True))
    made = []
    for index in range(count):
        biennium = bienniums[index // PER_BIENNIUM]
        number = index % PER_BIENNIUM + 1
        if (biennium.pk, number) in existing:
            continue
        rng = context.rng("programme", index)
        activity = ProgrammeActivity(
            biennium=biennium, number=number, title=_activity_title(rng, region_names),
            objective_id=rng.choice(objectives[biennium.pk]), status=rng.choice(STATUSES),
            approved_budget=Decimal(rng.randrange(10, 2000) * 1000), trust_fund_id=rng.choice(funds),
            lead="Technical Assistance Branch", notes=_note(context.seed),
        )  # fmt: skip
        links = (
            rng.sample(conventions, rng.randint(1, 3)), rng.sample(cited, rng.randint(1, 2)),
            rng.sample(themes, rng.randint(1, 3)), rng.sample(regions, rng.randint(0, 2)),
        )  # fmt: skip
        made.append((activity, links))
    activities = [activity for activity, _links in made]
    bulk_create_with_history(activities, ProgrammeActivity, batch_size=1000, default_change_reason=CHANGE_REASON)
    if activities and activities[0].pk is None:  # a database that does not return ids: read them back
        ids = {(a.biennium_id, a.number): a.pk for a in ProgrammeActivity.objects.filter(biennium__in=bienniums)}
        for activity in activities:
            activity.pk = ids[(activity.biennium_id, activity.number)]
    _link(made)
    _centre_deliveries(context, bienniums[0])
    return len(activities)


def _activity_title(rng, region_names):
    """An activity as plans word them, for a named region in three cases out of five (so titles vary)."""
    title = rng.choice(ACTIVITIES)
    return f"{title} for {rng.choice(region_names)}" if rng.random() < 0.6 else title


def _centre_deliveries(context, biennium):
    """A few centres' submitted reports for last year, two activities each, naming the programme activities
    1, 2, … of the first generated biennium that they deliver (so its pages show what delivered them)."""
    year = context.now.year - 1
    period = ReportingPeriod.objects.filter(title=f"Activities in {year}").first() or _saved(
        ReportingPeriod(title=f"Activities in {year}", start=datetime.date(year, 1, 1), end=datetime.date(year, 12, 31),
                        deadline=datetime.date(year + 1, 3, 31))
    )  # fmt: skip
    delivered = list(ProgrammeActivity.objects.filter(biennium=biennium).order_by("number")[: 2 * DELIVERING_CENTRES])
    types = list(AssistanceType.objects.order_by("slug"))
    for index, centre in enumerate(RegionalCentre.objects.order_by("code")[:DELIVERING_CENTRES]):
        if ActivityReport.objects.filter(centre=centre, period=period).exists():
            continue
        report = _saved(ActivityReport(centre=centre, period=period, state=ActivityReport.State.SUBMITTED))
        parties = (
            Party.objects.filter(convention__code="SC", country__region=centre.region_id)
            .select_related("country")
            .order_by("pk")[:3]
        )
        rng = context.rng("centre-deliveries", index)
        for programme_activity in delivered[2 * index : 2 * index + 2]:
            start = datetime.date(year, rng.randint(1, 11), rng.randint(1, 28))
            kind = rng.choice(types)
            where = ", ".join(party.country.name for party in parties) or centre.region.name
            activity = _saved(
                Activity(report=report, title=f"{kind.name} for {where}"[:300],
                         assistance_type=kind, start=start, end=start + datetime.timedelta(days=2),
                         programme_activity=programme_activity)
            )  # fmt: skip
            activity.parties_benefited.set(parties)


def _saved(obj):
    obj._change_reason = CHANGE_REASON
    obj.save()
    return obj


def _link(made):
    through = ProgrammeActivity
    rows = {name: [] for name in ("conventions", "legal_basis", "themes", "regions")}
    for activity, (conventions, paragraphs, themes, regions) in made:
        rows["conventions"] += [through.conventions.through(programmeactivity_id=activity.pk, convention_id=pk)
                                for pk in conventions]  # fmt: skip
        rows["legal_basis"] += [through.legal_basis.through(programmeactivity_id=activity.pk, decisionparagraph_id=pk)
                                for pk in paragraphs]  # fmt: skip
        rows["themes"] += [through.themes.through(programmeactivity_id=activity.pk, theme_id=pk) for pk in themes]
        rows["regions"] += [through.regions.through(programmeactivity_id=activity.pk, region_id=pk) for pk in regions]
    for name, objects in rows.items():
        getattr(ProgrammeActivity, name).through.objects.bulk_create(objects, batch_size=5000)
