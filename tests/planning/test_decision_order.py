"""Decisions in their natural order (issue 17.11): meeting number, then decision number, as numbers — SC-1/9
before SC-1/10 and SC-1/16, not after them as text — on the pages, in the API and in every select."""

import pytest

from tahub.funding.forms import ProposalForm
from tahub.planning.forms import BienniumForm
from tahub.planning.models import Decision, DecisionParagraph, decision_sort_key

pytestmark = pytest.mark.django_db

COP1 = ["SC-1/9", "SC-1/10", "SC-1/15", "SC-1/16"]  # in the reference data, all of 2005


def in_order(sequence, wanted=COP1):
    """The members of `wanted` as they come in `sequence`."""
    return [item for item in sequence if item in wanted]


def test_the_sort_key_compares_numbers_as_numbers():
    assert sorted(["SC-1/16", "SC-1/9", "SC-2/1", "SC-10/1"], key=decision_sort_key) == [
        "SC-1/9", "SC-1/16", "SC-2/1", "SC-10/1"
    ]  # fmt: skip
    assert decision_sort_key("odd") == "odd"


def test_decisions_are_stored_with_their_key():
    assert Decision.objects.get(number="SC-1/9").sort_key == "SC-0001/0009"


def test_the_decisions_page_lists_them_in_natural_order(client):
    page = client.get("/decisions/?meeting=COP-1").content.decode()
    positions = {number: page.index(f">{number}<") for number in COP1}
    assert sorted(COP1, key=positions.get) == COP1


def test_the_api_lists_them_in_natural_order(client):
    items = client.get("/api/v1/decisions?meeting=COP-1&page_size=100").json()["items"]
    assert in_order([item["number"] for item in items]) == COP1


def test_the_model_and_paragraph_orders_are_natural():
    assert in_order(Decision.objects.values_list("number", flat=True)) == COP1
    numbers = [p.decision.number for p in DecisionParagraph.objects.select_related("decision")]
    assert in_order(list(dict.fromkeys(numbers))) == in_order(COP1, numbers)


def test_the_selects_offer_them_in_natural_order():
    budget = [label for _value, label in BienniumForm().fields["budget_decision"].choices]
    assert in_order([str(label).split(" ")[0] for label in budget]) == COP1
    decisions = [str(label).split(" ")[0] for _value, label in ProposalForm().fields["decisions"].choices]
    assert in_order(decisions) == COP1
