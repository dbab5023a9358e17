"""The mandate coverage: what answers each paragraph that asks for technical assistance, what nothing answers,
who sees which citing records, and a fixed number of queries."""

import pytest

from tahub.planning import coverage, services
from tahub.planning.models import Decision
from tests.accounts import cast
from tests.funding.seed import seed_proposal

from .factories import activity, paragraph, plan_2026

pytestmark = pytest.mark.django_db


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
    counts = {answer.kind: answer.count for answer in answered.answers}
    assert counts == {"programme activities": 1, "proposals": 0}
    assert [p.pk for p in response.context["unanswered"]] == [lonely.pk]
    body = response.content.decode()
    assert "SC-1/15, paragraph 3 (a)" in body and "Activity 11 (2026–2027)" in body


def test_a_proposal_counts_only_once_published_for_the_public(client, admin):
    proposal = seed_proposal(admin)
    proposal.legal_basis.set([paragraph()])
    counts = lambda user: {a.kind: a.count for a in coverage.coverage(user)[0][0].answers}  # noqa: E731
    assert counts(admin)["proposals"] == 1
    from django.contrib.auth.models import AnonymousUser

    assert counts(AnonymousUser())["proposals"] == 0


def test_proposals_citing_the_whole_decision_are_shown_apart(admin):
    seed_proposal(admin, publish=True)  # cites SC-5/20 as a decision, not a paragraph
    paragraphs, _kinds = coverage.coverage(admin)
    ta = next(p for p in paragraphs if p.pk == paragraph().pk)
    assert [(answer.kind, answer.count) for answer in ta.decision.whole_decision] == [("proposals", 1)]


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
    # The paragraphs; then at most a count and a list per kind: 2 citing, 3 delivering, 2 citing whole decisions.
    with django_assert_max_num_queries(15):
        response = client.get("/plan/mandates/")
    assert response.status_code == 200
    body = response.content.decode()
    listed = body.count('href="/plan/programme/2026/')
    assert listed == (count if count <= coverage.SHOWN else 0)
    assert (f'href="/plan/programme/?paragraph={paragraph().pk}"' in body) == (count > coverage.SHOWN)


def test_above_a_few_records_the_count_links_to_the_filtered_list(admin):
    _plan, _objective, biennium = plan_2026(admin)
    for n in range(1, coverage.SHOWN + 1):
        activity(admin, biennium, n)
    few = _paragraph_answers(admin)["programme activities"]
    assert (few.count, len(few.records), few.url) == (coverage.SHOWN, coverage.SHOWN, "")
    assert few.records[0].number == coverage.SHOWN  # newest first
    activity(admin, biennium, coverage.SHOWN + 1)
    many = _paragraph_answers(admin)["programme activities"]
    assert (many.count, many.records) == (coverage.SHOWN + 1, [])
    assert many.url == f"/plan/programme/?paragraph={paragraph().pk}"


def _paragraph_answers(user):
    paragraphs, _kinds = coverage.coverage(user)
    return {answer.kind: answer for answer in next(p for p in paragraphs if p.pk == paragraph().pk).answers}


def test_what_delivered_the_citing_activities_is_shown_as_far_as_the_reader_may_see_it(client, admin):
    from django.contrib.auth.models import AnonymousUser

    from tahub.assistance import services as assistance
    from tahub.centres.models import Activity, ActivityReport, RegionalCentre, ReportingPeriod
    from tahub.vocabularies.models import AssistanceType
    from tests.assistance.conftest import complete_data

    _plan, _objective, biennium = plan_2026(admin)
    delivered = activity(admin, biennium, 11)
    contact = cast.contact_point("contact@ken.example", "KEN")
    ta_request = assistance.create_request(party=cast.party("KEN"), by=contact, data=complete_data())
    ta_request = assistance.submit_request(ta_request, by=contact)  # a draft is the Party's alone
    assistance.set_programme_activity(ta_request, by=admin, activity=delivered)
    period = ReportingPeriod.objects.create(title="2026", start="2026-01-01", end="2026-12-31", deadline="2027-03-31")
    report = ActivityReport.objects.create(
        centre=RegionalCentre.objects.get(code="scrc-kenya"), period=period, state="submitted"
    )
    workshop = Activity.objects.create(
        report=report, title="Workshop on NIP updating", assistance_type=AssistanceType.objects.get(slug="training"),
        start="2026-05-01", end="2026-05-02", programme_activity=delivered,
    )  # fmt: skip

    def deliveries(user):
        paragraphs, _kinds = coverage.coverage(user)
        ta = next(p for p in paragraphs if p.pk == paragraph().pk)
        return {str(a.kind): [str(r) for r in a.records] for a in ta.deliveries}

    assert deliveries(admin) == {
        "technical assistance requests": [str(ta_request)],
        "centre activities": [str(workshop)],
    }
    assert deliveries(AnonymousUser()) == {"centre activities": [str(workshop)]}
    body = client.get("/plan/mandates/").content.decode()
    assert "Centre activities delivering these activities (1)" in body and "Workshop on NIP updating" in body
    assert ta_request.reference not in body
    assert client.get("/api/v1/mandate-coverage").json()[0]["delivered"] == {"centre activities": 1}
