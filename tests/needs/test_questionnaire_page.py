"""Issue 17.10: the questionnaire page asks funding as a year × source grid for the years of the cycle's period, sums
up its errors on top (each linked to its field), and costs a fixed number of queries."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tahub.needs import services
from tahub.needs.models import Amount
from tests.accounts.cast import sign_in

from . import world
from .test_workbook import download

pytestmark = pytest.mark.django_db


@pytest.fixture
def later(admin, questionnaire):
    """A cycle for 2029–2032 on the questionnaire whose file names 2026–2029."""
    return services.open_cycle(
        by=admin, slug="needs-2028", title="Needs assessment 2028", period="2029-2032",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=questionnaire,
    )  # fmt: skip


def _url(cycle):
    return reverse("needs:respond", args=[cycle.slug, "needs", "parties", "KEN"])


def test_funding_years_are_the_cycles_period(client, later, party_a, contact_a):
    page = sign_in(client, contact_a).get(_url(later))

    fields = [name for name in page.context["form"].fields if name.startswith("funding-legal__")]
    assert sorted({int(name.split("__")[1]) for name in fields}) == [2029, 2030, 2031, 2032]
    saved = client.post(_url(later), {"version": "0", "funding-legal__2031__gef": "1500", "save": ""})
    assert saved.status_code == 302
    assert list(Amount.objects.values_list("year", "source", "amount")) == [(2031, "gef", 1500)]
    with pytest.raises(ValidationError) as refused:  # the file's 2026 is not a year of this cycle
        services.save_answers(cycle=later, party=party_a, by=contact_a,
                              answers={"funding-legal": [{"year": 2026, "source": "gef", "amount": 1}]})  # fmt: skip
    assert list(refused.value.message_dict) == ["funding-legal"]
    book = download(client, later)
    years = {row[1] for row in book["funding"].iter_rows(min_row=2, values_only=True) if row[1]}
    assert years == {2029, 2030, 2031, 2032}


def test_amounts_are_a_table_with_row_and_column_headers_and_a_label_per_input(client, later, contact_a):
    html = sign_in(client, contact_a).get(_url(later)).content.decode()

    block = html[html.index('<fieldset class="question amounts">') :]
    table = block[: block.index("</table>")]
    assert re.findall(r'<th scope="row">(\d{4})</th>', table) == ["2029", "2030", "2031", "2032"]
    assert '<th scope="col">Global Environment Facility</th>' in table
    for field_id in re.findall(r'<input type="number" name="[^"]+"[^>]*id="([^"]+)"', table):
        assert f'<label class="visually-hidden" for="{field_id}">' in table
    assert table.count('type="number"') == 4 * 5  # four years × five sources, not a hundred inputs in a row


def test_errors_are_summed_up_on_top_with_links_to_their_fields(client, later, contact_a):
    sign_in(client, contact_a)

    page = client.post(_url(later), {"version": "0", "funding-legal__2029__gef": "-5", "nip-rank": "0", "save": ""})

    html = page.content.decode()
    summary = html[html.index('class="error-summary"') : html.index("</div>", html.index('class="error-summary"'))]
    assert html.index('class="error-summary"') < html.index("<fieldset")  # on top of the questionnaire
    assert "2 problems to fix" in summary
    assert 'href="#id_funding-legal__2029__gef"' in summary and 'href="#id_nip-rank"' in summary
    assert 'id="id_funding-legal__2029__gef"' in html


def test_a_late_amounts_answer_is_linked_to_its_grid(client, cycle, party_a, admin, contact_a):
    from tahub.needs.models import Cycle

    Cycle.objects.filter(pk=cycle.pk).update(funding_deadline=timezone.localdate() - datetime.timedelta(days=1))
    sign_in(client, contact_a)

    page = client.post(_url(cycle), {"version": "0", "funding-legal__2026__gef": "5", "save": ""})

    assert 'href="#id_funding-legal__2026__domestic"' in page.content.decode()
    assert "has passed" in page.content.decode()


@pytest.mark.parametrize(("answered", "queries"), [("none", 10), ("one", 14), ("all", 14)])
def test_the_page_costs_a_fixed_number_of_queries(
    client, later, party_a, contact_a, answered, queries, django_assert_num_queries
):
    every = {**world.complete_answers(later), "funding-legal": [{"year": 2030, "source": "gef", "amount": 9}]}
    answers = {"none": {}, "one": {"nip-level": "high"}, "all": every}[answered]
    if answers:
        services.save_answers(cycle=later, party=party_a, answers=answers, by=contact_a)
    sign_in(client, contact_a)
    client.get(_url(later))  # warm the per-process reference data

    with django_assert_num_queries(queries):  # the same with one answer or sixty: the answers are prefetched
        assert client.get(_url(later)).status_code == 200
