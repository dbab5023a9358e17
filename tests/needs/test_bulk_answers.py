"""Saving many answers at once (a workbook import, a long form, the API): a fixed number of statements whatever
their number, every row written with its history row, and all or nothing."""

from decimal import Decimal

import pytest
from django.db import DatabaseError

from tahub.needs import services
from tahub.needs.models import Amount, Answer, Question
from tests.accounts.cast import sign_in

from .test_workbook import download, fill, upload

pytestmark = pytest.mark.django_db


def answers_for(cycle, count):
    """Values for the first `count` questions of the needs questionnaire (every kind), in order."""
    values = {}
    for question in cycle.questionnaire.questions.order_by("position")[:count]:
        kind = question.kind
        if kind == Question.Kind.LEVEL:
            values[question.code] = "high"
        elif kind == Question.Kind.RANK:
            values[question.code] = question.position % 100 + 1
        elif kind == Question.Kind.OBSTACLES:
            values[question.code] = [c["code"] for c in question.options["choices"][:2]]
        elif kind == Question.Kind.AMOUNTS:
            sources = [source["code"] for source in question.options["sources"]]
            years = question.options["years"]
            values[question.code] = [{"year": y, "source": s, "amount": "1000.50"} for y in years for s in sources]
        else:
            values[question.code] = f"Answer to {question.code}."
    return values


def history(model, **filters):
    return list(model.history.filter(**filters).values_list("history_type", "history_change_reason", "history_user"))


@pytest.mark.parametrize("count", [3, 70])
def test_saving_answers_costs_a_fixed_number_of_queries(
    cycle, party_a, contact_a, count, django_assert_max_num_queries
):
    answers = answers_for(cycle, count)

    with django_assert_max_num_queries(26):
        response = services.save_answers(cycle=cycle, party=party_a, answers=answers, by=contact_a)

    assert response.answers.count() == len(answers)


def test_every_answer_and_amount_is_written_with_its_history(cycle, party_a, contact_a):
    answers = answers_for(cycle, 70)
    amounts_question = next(q for q in cycle.questionnaire.questions.all() if q.kind == Question.Kind.AMOUNTS)

    response = services.save_answers(cycle=cycle, party=party_a, answers=answers, by=contact_a)

    written = Answer.objects.filter(response=response)
    assert written.count() == 70 and Amount.objects.filter(answer__response=response).exists()
    assert history(Answer, response=response) == [("+", "needs.answer.saved", contact_a.pk)] * 70
    rows = Amount.objects.filter(answer__response=response)
    assert history(Amount, answer__response=response) == [("+", "needs.answer.saved", contact_a.pk)] * rows.count()
    assert all(a.created_at and a.updated_at for a in written)
    funding = written.get(question=amounts_question)
    assert {(a.year, a.source, a.amount) for a in funding.amounts.all()} == {
        (item["year"], item["source"], Decimal("1000.50")) for item in answers[amounts_question.code]
    }


def test_changing_answers_records_updates_and_removals(cycle, party_a, contact_a, admin):
    answers = answers_for(cycle, 70)
    level = next(code for code, value in answers.items() if value == "high")
    funding = next(code for code, value in answers.items() if isinstance(value, list) and isinstance(value[0], dict))
    first = services.save_answers(cycle=cycle, party=party_a, answers=answers, by=contact_a)
    kept, dropped = answers[funding][0], answers[funding][1:]

    services.save_answers(cycle=cycle, party=party_a, by=admin, version=first.version,
                          answers={level: "low", funding: [{**kept, "amount": "7.25"}]})  # fmt: skip

    answer = Answer.objects.get(response=first, question__code=level)
    assert answer.level == "low"
    assert [(h.history_type, h.level, h.history_user_id) for h in answer.history.order_by("history_date")] == [
        ("+", "high", contact_a.pk),
        ("~", "low", admin.pk),
    ]
    amounts = Amount.objects.filter(answer__response=first, answer__question__code=funding)
    assert [(a.year, a.source, a.amount) for a in amounts] == [(kept["year"], kept["source"], Decimal("7.25"))]
    funding_answer = Answer.objects.get(response=first, question__code=funding)
    removed = Amount.history.filter(history_type="-", answer_id=funding_answer.pk)
    assert sorted((h.year, h.source, h.amount) for h in removed) == sorted(
        (d["year"], d["source"], Decimal("1000.50")) for d in dropped
    )
    assert {h.history_user_id for h in removed} == {admin.pk}
    assert Answer.history.filter(response=first).count() == 72  # 70 created, two changed; the rest untouched


def test_offers_links_are_set_exactly(cycle, unitar, unitar_member):
    save = {"cycle": cycle, "organisation": unitar, "kind": "offers", "by": unitar_member}
    response = services.save_answers(answers={"nip-offer": "training; workshop", "regions": "AFR; GRULAC"}, **save)

    services.save_answers(answers={"nip-offer": "workshop", "regions": "WEOG"}, version=response.version, **save)

    offer = Answer.objects.get(response=response, question__code="nip-offer")
    regions = Answer.objects.get(response=response, question__code="regions")
    assert sorted(t.slug for t in offer.assistance_types.all()) == ["workshop"]
    assert sorted(r.code for r in regions.regions.all()) == ["WEOG"]


def test_a_failure_while_writing_saves_nothing(cycle, party_a, contact_a, monkeypatch):
    def fail(*args, **kwargs):
        raise DatabaseError("the disk is full")

    monkeypatch.setattr(Amount.objects, "bulk_create", fail)

    with pytest.raises(DatabaseError):
        services.save_answers(cycle=cycle, party=party_a, answers=answers_for(cycle, 70), by=contact_a)

    assert not Answer.objects.exists() and not Answer.history.exists() and not Amount.history.exists()


def test_a_full_workbook_imports_in_a_fixed_number_of_queries(
    client, cycle, party_a, contact_a, django_assert_max_num_queries
):
    book = download(sign_in(client, contact_a), cycle)
    cells = {}
    for code, value in answers_for(cycle, 70).items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            cells.update({(code, item["year"], item["source"]): 1000 for item in value})
        else:
            cells[code] = ";".join(value) if isinstance(value, list) else value
    fill(book, cells)

    with django_assert_max_num_queries(40):  # session, user, the checks, the answers: not one per answer
        reply = upload(client, cycle, book)

    assert reply.status_code == 302, reply.context and reply.context["problems"]
    assert Answer.objects.filter(response__party=party_a).count() == 70
    assert Amount.history.filter(answer__response__party=party_a, history_type="+").count() > 20
