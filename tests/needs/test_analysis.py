"""The gap analysis against an independent calculation in plain Python, on random responses built from a seed."""

import random

import pytest

from tahub.needs.models import Question
from tahub.needs.selectors import analysis
from tahub.parties.models import Party

from . import random_world as rw

pytestmark = pytest.mark.django_db

SEEDS = [1, 7, 2026]


@pytest.fixture
def parties(cycle):
    return list(cycle.invited.select_related("country__region").order_by("country__iso3")[:40])


@pytest.fixture
def questions(cycle):
    """The questionnaire's level questions, plus a second level question on one theme (as when a questionnaire
    asks one per type of assistance): a Party must still count once for that theme."""
    first = Question.objects.filter(questionnaire=cycle.questionnaire, kind=Question.Kind.LEVEL).first()
    Question.objects.create(
        questionnaire=cycle.questionnaire, code="extra-level", section="x", section_title="X", position=999,
        theme=first.theme, kind=Question.Kind.LEVEL, label="Extra",
    )  # fmt: skip
    return list(Question.objects.filter(questionnaire=cycle.questionnaire).select_related("theme"))


def as_counter(tally):
    return {level: getattr(tally, level) for level in ("high", "medium", "low", "none") if getattr(tally, level)}


@pytest.mark.parametrize("seed", SEEDS)
def test_needs_by_theme_and_region_match_a_plain_python_tally(cycle, parties, questions, seed):
    submitted = rw.answer_randomly(random.Random(seed), cycle, parties)
    expected = rw.expected_needs(submitted, questions, parties)

    table = analysis.needs_by_theme_region(cycle)

    assert {key: as_counter(tally) for key, (_name, tally) in table.items()} == {
        key: dict(counter) for key, counter in expected.items()
    }


@pytest.mark.parametrize("seed", SEEDS)
def test_the_gap_ranking_weights_high_twice_and_divides_by_the_offers(cycle, parties, questions, seed):
    rng = random.Random(seed)
    submitted = rw.answer_randomly(rng, cycle, parties)
    expected = rw.expected_needs(submitted, questions, parties)
    offers = {key: rng.choice([0, 0, 1, 2, 5]) for key in expected}
    offers = {key: n for key, n in offers.items() if n}

    rows = analysis.gap_ranking(analysis.needs_by_theme_region(cycle), offers)

    for row in rows:
        counter = expected[(row.theme, row.region)]
        weighted = 2 * counter["high"] + counter["medium"]
        assert row.needs.weighted == weighted
        assert row.offers == offers.get((row.theme, row.region), 0)
        assert row.score == round(weighted / (1 + row.offers), 2)
        in_need = counter["high"] + counter["medium"]
        if not row.offers:
            assert row.status == analysis.Status.NO_OFFER
        else:
            too_little = row.offers * analysis.PARTIES_PER_OFFER < in_need
            assert row.status == (analysis.Status.TOO_LITTLE if too_little else analysis.Status.COVERED)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    assert {(r.theme, r.region) for r in rows} == set(expected)


def test_by_country_and_for_one_party(cycle, parties, questions):
    submitted = rw.answer_randomly(random.Random(3), cycle, parties)
    expected = rw.expected_needs(submitted, questions, parties, key="country")
    one = next(iter(submitted))

    rows = analysis.party_theme_levels([cycle.pk], group="country")
    mine = analysis.party_theme_levels([cycle.pk], party_id=one, group="country")

    got = {(slug, iso3, level): n for _c, slug, _name, iso3, level, n in rows}
    assert got == {(slug, iso3, lvl): n for (slug, iso3), c in expected.items() for lvl, n in c.items()}
    iso3 = Party.objects.get(pk=one).country.iso3
    assert {(slug, level) for _c, slug, _n, key, level, _k in mine} == {
        (slug, lvl) for (slug, key), c in expected.items() if key == iso3 for lvl in c
    }


def test_trend_across_cycles_and_against_the_previous_one(cycle, parties, questions, questionnaire):
    rng = random.Random(11)
    older = rw.make_cycle(questionnaire, "needs-2020", rw.deadline(-1500), parties)
    old = rw.make_cycle(questionnaire, "needs-2024", rw.deadline(-400), parties)
    expected = {}
    for c in (older, old, cycle):
        submitted = rw.answer_randomly(rng, c, parties)
        expected[c.pk] = rw.expected_needs(submitted, questions, parties, key=None)

    trend = analysis.theme_trend([older, old, cycle])
    versus = analysis.trend_versus(cycle, analysis.previous_cycle(cycle, [older, old, cycle]))

    def share(cycle_pk, slug):
        counter = expected[cycle_pk].get((slug, None))
        total = sum(counter.values()) if counter else 0
        return round(100 * (counter["high"] + counter["medium"]) / total, 1) if total else None

    for row in trend:
        for c in (older, old, cycle):
            assert row.share(c.pk) == share(c.pk, row.theme)
    for row, now, before, change in versus:
        assert (now, before) == (share(cycle.pk, row.theme), share(old.pk, row.theme))
        assert change == (round(now - before, 1) if None not in (now, before) else None)
    changes = [change for _row, _now, _before, change in versus if change is not None]
    assert changes == sorted(changes, reverse=True)


def test_previous_cycle_is_the_latest_earlier_deadline(cycle, questionnaire, parties):
    old = rw.make_cycle(questionnaire, "n-old", rw.deadline(-400), parties)
    older = rw.make_cycle(questionnaire, "n-older", rw.deadline(-800), parties)
    assert analysis.previous_cycle(cycle, [older, cycle, old]) == old
    assert analysis.previous_cycle(older, [older, cycle, old]) is None


@pytest.mark.parametrize("seed", SEEDS)
def test_offers_by_theme_and_region_match_a_plain_python_count(cycle, seed):
    from tahub.directory.models import Organisation

    cycle.offers_questionnaire = rw.offers_questionnaire()
    cycle.save()
    rng = random.Random(seed)
    organisations = list(Organisation.objects.order_by("slug")[:15])
    developed = list(Party.objects.filter(convention__code="SC", country__region__code="WEOG")[:5])
    submitted = rw.offer_randomly(rng, cycle, organisations, developed)

    assert analysis.offer_counts(cycle) == rw.expected_offers(submitted)
    assert analysis.offer_counts(cycle, region="AFR") == {
        key: n for key, n in rw.expected_offers(submitted).items() if key[1] == "AFR"
    }
