"""The mandate coverage: what answers each paragraph that asks for technical assistance, what nothing answers,
who sees which citing records, and a fixed number of queries."""

import pytest

from tahub.planning import coverage, services
from tahub.planning.models import Decision
from tests.accounts import cast
from tests.funding.seed import seed_proposal

from .factories import activity, paragraph, plan_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


def _unanswered_paragraph(admin):
    decision = Decision.objects.get(number="SC-1/15")
    return services.add_paragraph(
        by=admin, data={"decision": decision, "number": "3 (a)", "position": 3, "asks_for_assistance": True}
    )


def test_each_ta_paragraph_lists_what_answers_it_and_the_rest_are_unanswered(client, admin):
    _plan, _objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11)
    lonely = _unanswered_paragraph(admin)
    response = client.get("/plan/mandates/")
    by_pk = {p.pk: p for p in response.context["paragraphs"]}
    answered = by_pk[paragraph().pk]
    assert answered.answered
    counts = {kind: count for kind, count, _rows in answered.answers}
    assert counts["programme activities"] == 1
    assert [p.pk for p in response.context["unanswered"]] == [lonely.pk]
    body = response.content.decode()
    assert "SC-1/15, paragraph 3 (a)" in body and "Activity 11 (2026–2027)" in body


def test_a_proposal_counts_only_once_published_for_the_public(client, admin):
    proposal = seed_proposal(admin)
    proposal.legal_basis.set([paragraph()])
    counts = lambda user: {k: n for k, n, _r in coverage.coverage(user)[0][0].answers}  # noqa: E731
    assert counts(admin)["proposals"] == 1
    from django.contrib.auth.models import AnonymousUser

    assert counts(AnonymousUser())["proposals"] == 0


def test_proposals_citing_the_whole_decision_are_shown_apart(admin):
    seed_proposal(admin, publish=True)  # cites SC-5/20 as a decision, not a paragraph
    paragraphs, _kinds = coverage.coverage(admin)
    ta = next(p for p in paragraphs if p.pk == paragraph().pk)
    assert [kind for kind, _records in ta.whole_decision] == ["proposals"]


@pytest.mark.parametrize("count", [3, 300])
def test_the_coverage_page_costs_a_fixed_number_of_queries(client, admin, django_assert_max_num_queries, count):
    _plan, _objective, biennium = plan_2026(admin)
    for n in range(1, count + 1):
        activity(admin, biennium, n)
    for n in range(count // 3):
        _unanswered = services.add_paragraph(
            by=admin,
            data={"decision": Decision.objects.get(number="SC-7/16"), "number": str(n + 1), "asks_for_assistance": 1},
        )
    with django_assert_max_num_queries(10):
        assert client.get("/plan/mandates/").status_code == 200
