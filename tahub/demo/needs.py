"""Generated needs-assessment cycles: at the benchmark scale 20 cycles × 200 responses, a needs response
answering 60 of the questionnaire's 70 questions (every level and rank, the obstacles, the existing support,
11 of the free texts, the five Part II amounts, about 30 amount rows) and an offers response its 24.

Responses per cycle are 10 per cycle generated (200 at 20 cycles, the benchmark; 10 at scale 2). A Party
answers the needs questionnaire at most once per cycle, and there are only about 150 eligible Parties (the real
ones: none are invented), so 200 responses cannot all be needs: 72 % are needs responses (144 of the eligible
Parties at 200), the rest offers responses of developed-country Parties and of listed organisations.

Cycles lie a year apart up to the latest, whose deadlines are ahead (open, half its responses submitted,
results not published); every earlier cycle is closed with its results published (and stored, as staff
publishing them would: tahub/needs/services/results.py). Both questionnaires are loaded from their files (idempotent).
Cycles have natural keys from (seed, index): a second run creates nothing. Responses, answers and amounts are
bulk-created without history rows (the benchmark pages read none).
"""

import datetime
from pathlib import Path

from django.conf import settings
from simple_history.utils import bulk_create_with_history

from tahub.needs.models import Amount, Answer, Cycle, Level, Question, Response
from tahub.needs.selectors import eligible_parties
from tahub.needs.selectors.published import published_cycles
from tahub.needs.selectors.respondents import default_offer_invitees
from tahub.needs.services.questionnaires import load_questionnaire
from tahub.needs.services.results import store
from tahub.parties.models import Region
from tahub.vocabularies.models import AssistanceType

from .keys import CHANGE_REASON

QUESTIONNAIRES = Path(settings.BASE_DIR) / "tahub" / "core" / "data" / "questionnaires"
RESPONSES_PER_CYCLE = 10  # × the cycles generated, at most MAX_RESPONSES
MAX_RESPONSES = 200
NEEDS_SHARE = 0.72
TEXTS_ANSWERED = 11  # of the 21 free-text questions: 60 answers in all
LEVELS, LEVEL_WEIGHTS = list(Level.values), [3, 3, 2, 1]
LANGUAGES = ["en", "fr", "es", "ar", "ru", "zh"]
BATCH = 5000
# Free-text answers as focal points write them (the same few sentences recur, as in real questionnaires).
ANSWERS = [
    "The national coordinating committee meets twice a year; the ministry of health and customs take part.",
    "An inventory of PCB-containing transformers was started in 2023 and covers about half of the utilities.",
    "We need training for laboratory staff on sampling and analysis of POPs in soil and sediment.",
    "Obsolete pesticide stocks remain in three regional warehouses; funding for export and disposal is sought.",
    "Legislation on newly listed POPs is in draft and awaits review by the Attorney General's office.",
    "Support from the regional centre was useful; a follow-up workshop for provincial officers is requested.",
    "Customs officers have no guidance on identifying POPs in imported products.",
    "Awareness among small and medium enterprises of the restrictions on PFOS remains low.",
]


def cycle_slug(seed, index):
    return f"gen{seed}-needs-{index:02d}"


def _cycle(context, index, count, questionnaires):
    today = context.now.date()
    deadline = today + datetime.timedelta(days=45 - 365 * (count - 1 - index))
    latest = index == count - 1
    published = None if latest else context.now - datetime.timedelta(days=365 * (count - 1 - index) - 100)
    return Cycle(
        slug=cycle_slug(context.seed, index),
        title=f"Needs assessment {deadline.year - 1}–{deadline.year}",  # as the Secretariat names them
        period=f"{deadline.year + 2}-{deadline.year + 5}",
        deadline=deadline,
        funding_deadline=deadline + datetime.timedelta(days=30),
        offers_deadline=deadline + datetime.timedelta(days=60),
        questionnaire=questionnaires["needs"],
        offers_questionnaire=questionnaires["offers"],
        invitations_sent_at=context.now - datetime.timedelta(days=365 * (count - 1 - index) + 60),
        results_published_at=published,
    )


def _needs_answers(rng, response, questions):
    """[(Answer, [Amount])]: 60 answers of a needs response."""
    ranks = iter(rng.sample(range(1, 22), 21))
    texts = {q.code for q in rng.sample([q for q in questions if q.kind == Question.Kind.TEXT], TEXTS_ANSWERED)}
    rows = []
    for question in questions:
        answer, amounts, kind = Answer(response=response, question=question), [], question.kind
        if kind == Question.Kind.LEVEL:
            answer.level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
        elif kind == Question.Kind.RANK:
            answer.rank = next(ranks, rng.randint(1, 100))
        elif kind == Question.Kind.OBSTACLES:
            codes = [choice["code"] for choice in question.options["choices"]]
            answer.choices = rng.sample(codes, rng.randint(1, 3))
        elif kind == Question.Kind.SUPPORT or (kind == Question.Kind.TEXT and question.code in texts):
            answer.text = rng.choice(ANSWERS)
        elif kind == Question.Kind.AMOUNTS:
            sources = [source["code"] for source in question.options["sources"]]
            amounts = [
                Amount(year=year, source=source, amount=rng.randint(5, 500) * 1000)
                for year in response.cycle.years or question.options["years"]  # the years of the cycle's period
                for source in rng.sample(sources, rng.randint(1, 2))
            ]
        else:
            continue
        rows.append((answer, amounts))
    return rows


def _offers_answers(rng, response, questions, vocab):
    """[(Answer, (types, regions))]: every question of an offers response."""
    rows = []
    for question in questions:
        answer, links, kind = Answer(response=response, question=question), ([], []), question.kind
        if kind == Question.Kind.OFFER:
            links = (rng.sample(vocab["types"], rng.randint(1, 3)), [])
        elif kind == Question.Kind.REGIONS:
            links = ([], rng.sample(vocab["regions"], rng.randint(1, 3)))
        elif kind == Question.Kind.LANGUAGES:
            answer.choices = ["en", *rng.sample(LANGUAGES[1:], rng.randint(0, 2))]
        else:
            answer.text = "Generated offer: trainers and guidance on request."
        rows.append((answer, links))
    return rows


def _responses(context, cycle, index, invitees, per_cycle, latest):
    rng = context.rng("needs-responses", index)
    needs_count = min(len(invitees["needs"]), round(per_cycle * NEEDS_SHARE))
    offers_count = min(per_cycle - needs_count, len(invitees["offer_parties"]) + len(invitees["organisations"]))
    developed = rng.sample(invitees["offer_parties"], min(len(invitees["offer_parties"]), offers_count // 2))
    organisations = rng.sample(invitees["organisations"], offers_count - len(developed))
    respondents = [("needs", p, None) for p in rng.sample(invitees["needs"], needs_count)]
    respondents += [("offers", p, None) for p in developed] + [("offers", None, o) for o in organisations]
    closing = datetime.datetime.combine(cycle.deadline, datetime.time(12), context.now.tzinfo)
    closing = min(closing, context.now)  # the latest cycle is open: its responses came in before now
    responses = []
    for kind, party, organisation in respondents:
        submitted = rng.random() < (0.5 if latest else 0.9)
        responses.append(Response(
            cycle=cycle, kind=kind, party=party, organisation=organisation, version=rng.randint(1, 4),
            state=Response.State.SUBMITTED if submitted else Response.State.DRAFT,
            submitted_at=closing - datetime.timedelta(days=rng.randint(0, 60)) if submitted else None,
        ))  # fmt: skip
    return Response.objects.bulk_create(responses, batch_size=BATCH)


def _link(field, rows):
    through = field.remote_field.through
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    through.objects.bulk_create([through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in rows], batch_size=BATCH)


def _answers(context, index, responses, questions, vocab):
    rng = context.rng("needs-answers", index)
    pairs = []
    for response in responses:
        if response.kind == "needs":
            pairs += _needs_answers(rng, response, questions["needs"])
        else:
            pairs += _offers_answers(rng, response, questions["offers"], vocab)
    Answer.objects.bulk_create([answer for answer, _extra in pairs], batch_size=BATCH)
    amounts, types, regions = [], [], []
    for answer, extra in pairs:
        if isinstance(extra, list):
            for amount in extra:
                amount.answer = answer
            amounts += extra
        else:
            types += [(answer.pk, pk) for pk in extra[0]]
            regions += [(answer.pk, pk) for pk in extra[1]]
    Amount.objects.bulk_create(amounts, batch_size=BATCH)
    _link(Answer._meta.get_field("assistance_types"), types)
    _link(Answer._meta.get_field("regions"), regions)


def _invitees():
    parties, organisations = default_offer_invitees()
    return {
        "needs": list(eligible_parties().order_by("country__iso3")),
        "offer_parties": list(parties.order_by("country__iso3")),
        "organisations": list(organisations.order_by("slug")),
    }


def _invite(cycles, invitees):
    rows = {"invited": [], "offers_invited_parties": [], "offers_invited_organisations": []}
    for cycle in cycles:
        rows["invited"] += [(cycle.pk, p.pk) for p in invitees["needs"]]
        rows["offers_invited_parties"] += [(cycle.pk, p.pk) for p in invitees["offer_parties"]]
        rows["offers_invited_organisations"] += [(cycle.pk, o.pk) for o in invitees["organisations"]]
    for name, pairs in rows.items():
        _link(Cycle._meta.get_field(name), pairs)


def generate_needs(context, count):
    """`count` assessment cycles with their responses (see the module); returns how many cycles were created."""
    questionnaires = {kind: load_questionnaire(QUESTIONNAIRES / f"{kind}-2024.json")[0] for kind in ("needs", "offers")}
    existing = set(Cycle.objects.filter(slug__startswith=f"gen{context.seed}-needs-").values_list("slug", flat=True))
    new = [(i, _cycle(context, i, count, questionnaires)) for i in range(count)
           if cycle_slug(context.seed, i) not in existing]  # fmt: skip
    if not new:
        return 0
    bulk_create_with_history([c for _i, c in new], Cycle, default_change_reason=CHANGE_REASON)
    created = list(Cycle.objects.filter(slug__in=[c.slug for _i, c in new]))
    by_slug = {c.slug: c for c in created}
    invitees = _invitees()
    _invite(created, invitees)
    questions = {kind: list(q.questions.order_by("position")) for kind, q in questionnaires.items()}
    vocab = {"types": list(AssistanceType.objects.order_by("slug").values_list("pk", flat=True)),
             "regions": list(Region.objects.order_by("code").values_list("pk", flat=True))}  # fmt: skip
    per_cycle = min(MAX_RESPONSES, RESPONSES_PER_CYCLE * count)
    for index, cycle in new:
        cycle = by_slug[cycle.slug]
        responses = _responses(context, cycle, index, invitees, per_cycle, latest=index == count - 1)
        _answers(context, index, responses, questions, vocab)
    _publish([by_slug[cycle.slug] for _index, cycle in new if cycle.results_published_at])
    return len(new)


def _publish(cycles):
    """Store the published results of the generated cycles published (what the public pages read), as
    `services.publish_results` does."""
    everything_published = published_cycles()
    for cycle in cycles:
        store(cycle, by=None, published=everything_published)
