"""Random needs data for the aggregate tests: built from a seed, kept in plain Python beside the database rows,
so each test can recompute every aggregate independently of the SQL under test."""

import datetime
from collections import Counter, defaultdict

from django.utils import timezone

from tahub.needs.models import Answer, Cycle, Level, Question, Response

LEVELS = [*Level.values, ""]  # "" = left blank
RANK = {"high": 3, "medium": 2, "low": 1, "none": 0}


def make_cycle(questionnaire, slug, deadline, parties, *, published=True):
    cycle = Cycle.objects.create(
        slug=slug,
        title=slug,
        period="2026-2029",
        deadline=deadline,
        questionnaire=questionnaire,
        results_published_at=timezone.now() if published else None,
    )
    cycle.invited.set(parties)
    return cycle


def answer_randomly(rng, cycle, parties, *, draft_share=0.2):
    """Answers every level question of `cycle` for each Party at random (some blank), a share of responses left
    as drafts. Returns {party pk: {question pk: level}} for the SUBMITTED responses only."""
    questions = list(Question.objects.filter(questionnaire=cycle.questionnaire, kind=Question.Kind.LEVEL))
    submitted, answers = {}, []
    for party in parties:
        state = Response.State.DRAFT if rng.random() < draft_share else Response.State.SUBMITTED
        response = Response.objects.create(cycle=cycle, party=party, state=state)
        chosen = {q.pk: rng.choice(LEVELS) for q in questions}
        answers += [Answer(response=response, question_id=pk, level=level) for pk, level in chosen.items()]
        if state == Response.State.SUBMITTED:
            submitted[party.pk] = chosen
    Answer.objects.bulk_create(answers)
    return submitted


def expected_needs(submitted, questions, parties, *, key="region"):
    """Independent tally: {(theme slug, key): Counter(level → Parties)}, each Party's highest level per theme."""
    theme_of = {q.pk: q.theme.slug for q in questions if q.theme_id}
    group = {
        p.pk: (p.country.region.code if key == "region" else p.country.iso3 if key == "country" else None)
        for p in parties
    }
    best = defaultdict(dict)
    for party_pk, chosen in submitted.items():
        for question_pk, level in chosen.items():
            if level and question_pk in theme_of:
                slug = theme_of[question_pk]
                current = best[party_pk].get(slug)
                if current is None or RANK[level] > RANK[current]:
                    best[party_pk][slug] = level
    table = defaultdict(Counter)
    for party_pk, themes in best.items():
        for slug, level in themes.items():
            table[(slug, group[party_pk])][level] += 1
    return table


def deadline(days):
    return timezone.localdate() + datetime.timedelta(days=days)


OFFERS_FILE = "offers-2024.json"


def offers_questionnaire():
    from tahub.needs.services.questionnaires import load_questionnaire

    from .world import QUESTIONNAIRE

    return load_questionnaire(QUESTIONNAIRE.parent / OFFERS_FILE)[0]


def offer_randomly(rng, cycle, organisations, parties=()):
    """Random offers responses (some drafts) by organisations and Parties: each offers some themes (a random
    set of types of assistance) to some regions (or none named: everywhere). Returns the SUBMITTED ones as
    [(themes offered, region codes or None)]."""
    from tahub.parties.models import Region
    from tahub.vocabularies.models import AssistanceType

    questions = list(Question.objects.filter(questionnaire=cycle.offers_questionnaire).select_related("theme"))
    offer_qs = [q for q in questions if q.kind == Question.Kind.OFFER]
    regions_q = next(q for q in questions if q.kind == Question.Kind.REGIONS)
    types, regions = list(AssistanceType.objects.all()), list(Region.objects.all())
    submitted = []
    for respondent in [*organisations, *parties]:
        state = Response.State.DRAFT if rng.random() < 0.2 else Response.State.SUBMITTED
        who = {"organisation": respondent} if respondent in organisations else {"party": respondent}
        response = Response.objects.create(cycle=cycle, kind=Response.Kind.OFFERS, state=state, **who)
        themes = set()
        for question in rng.sample(offer_qs, rng.randint(0, 6)):
            answer = Answer.objects.create(response=response, question=question)
            chosen = rng.sample(types, rng.randint(0, 2))  # none chosen: not an offer
            answer.assistance_types.set(chosen)
            if chosen:
                themes.add(question.theme.slug)
        served = None
        if rng.random() < 0.7:
            served = rng.sample(regions, rng.randint(0, 3))
            Answer.objects.create(response=response, question=regions_q).regions.set(served)
            served = {r.code for r in served} or None
        if state == Response.State.SUBMITTED:
            submitted.append((themes, served))
    return submitted


def expected_offers(submitted):
    from tahub.parties.models import Region

    codes = list(Region.objects.values_list("code", flat=True))
    table = Counter()
    for themes, served in submitted:
        for slug in themes:
            for code in served or codes:
                table[(slug, code)] += 1
    return dict(table)
