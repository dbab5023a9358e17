"""What the Parties page costs in Python for each Party it lists (issue 13): a few dozen calls, not ~800.

Counted with cProfile (calls, not time: the same on a busy machine). The page once spent ~800 calls a row in
the template (a URL reversed, a date formatted, a label translated, five variables looked up) and the ORM (four
model instances a row); its rows are now plain values written out once (`views.party_rows_html`). The bound sits
just above what is measured here, so bringing any of it back for each row fails the test."""

import pytest

from tests.bench.calls import calls_per_row

pytestmark = pytest.mark.django_db

# Measured: 15.3 calls a row (SQLite, as on PostgreSQL): the values read, the row written (25.4 while each row's
# code and name had an html.escape of their own, six calls each).
MAX_CALLS_PER_ROW = 20


def test_each_listed_party_costs_a_few_dozen_python_calls(client):
    per_row, few, many = calls_per_row(
        client,
        "/parties/",
        {"eligibility": "developed"},
        {"eligibility": "developing"},
        rows=lambda response: len(response.context["parties"]),
    )
    assert few < many
    assert per_row < MAX_CALLS_PER_ROW, f"{per_row:.1f} calls for each Party listed"
