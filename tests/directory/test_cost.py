"""What the directory costs in Python for each organisation a page lists (issue 13): a few dozen calls, not
~1,700.

Counted with cProfile (calls, not time: the same on a busy machine). A row once cost ~1,700 calls: its
category's label looked up among all the choices, a URL reversed, its themes and country built as model
instances, five variables looked up in the template. Rows are now plain values written out once
(`views.organisation_rows_html`), the themes of a page read in one query. The bound sits just above what is
measured here, so bringing any of it back for each row fails the test."""

import pytest

from tahub.directory.models import Organisation
from tahub.vocabularies.models import Theme
from tests.bench.calls import calls_per_row

pytestmark = pytest.mark.django_db

# Measured: 45.7 calls a row, each offering two themes (SQLite; about as many on PostgreSQL); up to 55.1 once the
# summary is read in the reader's language with its fallback (modeltranslation, issue 14.3) in a full run.
MAX_CALLS_PER_ROW = 60


@pytest.fixture
def organisations():
    """3 organisations found by "zzfew" and 30 by "zzmany", each offering two themes."""
    made = Organisation.objects.bulk_create(
        [Organisation(slug=f"zzfew-{i}", name=f"Zzfew {i}", kind="ngo") for i in range(3)]
        + [Organisation(slug=f"zzmany-{i:02}", name=f"Zzmany {i:02}", kind="research") for i in range(30)]
    )
    themes = list(Theme.objects.order_by("slug")[:2])
    for organisation in made:
        organisation.themes.set(themes)
    return made


def test_each_listed_organisation_costs_a_few_dozen_python_calls(client, organisations):
    per_row, few, many = calls_per_row(
        client, "/directory/", {"q": "zzfew"}, {"q": "zzmany"}, rows=lambda r: len(r.context["organisations"])
    )
    assert (few, many) == (3, 30)
    assert per_row < MAX_CALLS_PER_ROW, f"{per_row:.1f} calls for each organisation listed"


def test_directory_rows_link_each_organisation_with_its_category_and_themes(client, organisations):
    themes = "; ".join(Theme.objects.order_by("name").filter(providers__slug="zzfew-0").values_list("name", flat=True))
    body = client.get("/directory/", {"q": "zzfew"}).content.decode()
    row = '<tr><td><a href="/directory/zzfew-0/">Zzfew 0</a></td><td>Non-governmental organisation</td>'
    assert f"{row}<td>{themes}</td></tr>" in body


def test_directory_rows_escape_names_and_show_a_dash_without_themes(client):
    Organisation.objects.create(slug="zz-amp", name="Zz <Tools> & Co", kind="private")
    body = client.get("/directory/", {"q": "zz <tools>"}).content.decode()
    assert '<a href="/directory/zz-amp/">Zz &lt;Tools&gt; &amp; Co</a></td><td>Private sector</td><td>—</td></tr>' in (
        body
    )
