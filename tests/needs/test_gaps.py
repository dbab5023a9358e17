"""The gap table: counts over submitted responses only, by theme × region × level, ranked by high needs."""

import pytest

from tahub.needs import selectors, services

from . import world

pytestmark = pytest.mark.django_db


def answer(cycle, party, by, *, level="high", submit=True, **overrides):
    answers = {**world.complete_answers(cycle, level), **overrides}
    response = services.save_answers(cycle=cycle, party=party, answers=answers, by=by)
    return services.submit_response(response, by=by) if submit else response


def test_counts_by_theme_region_and_level(cycle, admin):
    kenya, nigeria, ecuador = (cycle.invited.get(country__iso3=iso3) for iso3 in ("KEN", "NGA", "ECU"))
    answer(cycle, kenya, admin, level="high")
    answer(cycle, nigeria, admin, level="low", **{"ddt-level": "high"})
    answer(cycle, ecuador, admin, level="medium")

    rows = {(r["theme"], r["region"]): r for r in selectors.gap_table(cycle)}

    ddt = "DDT use for disease vector control and its alternatives"
    nip = "National implementation plans (development review and update)"
    assert rows[(ddt, "AFR")] == {"theme": ddt, "region": "AFR", "high": 2, "medium": 0, "low": 0, "none": 0}
    assert rows[(nip, "AFR")] == {"theme": nip, "region": "AFR", "high": 1, "medium": 0, "low": 1, "none": 0}
    assert rows[(nip, "GRULAC")]["medium"] == 1


def test_drafts_do_not_count_and_the_table_is_ranked_by_high_needs(cycle, admin):
    kenya, nigeria = (cycle.invited.get(country__iso3=iso3) for iso3 in ("KEN", "NGA"))
    answer(cycle, kenya, admin, level="low", **{"ddt-level": "high"})
    answer(cycle, nigeria, admin, level="high", submit=False)

    rows = selectors.gap_table(cycle)

    assert rows[0]["theme"].startswith("DDT") and rows[0]["high"] == 1
    assert sum(r["high"] + r["medium"] + r["low"] + r["none"] for r in rows) == len(rows)
    assert [r["high"] for r in rows] == sorted((r["high"] for r in rows), reverse=True)
