"""The programme's rows, written in Python (issue 13, `views.programme.activity_rows_html`): the same HTML as
the template they replace, in English, French and Arabic, at a small cost per row."""

from decimal import Decimal

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from tahub.parties.models import Convention
from tahub.planning import selectors
from tahub.planning.models import ProgrammeActivity
from tests.bench.calls import calls_per_row

from .factories import activity, paragraph, plan_2026

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "ar"]

# The programme's loop before issue 13 (planning/activity_list.html).
OLD_ROWS = (
    "{% load i18n %}"  # noqa: ISC003
    '{% for a in activities %}<tr><td>{{ a.biennium.period }}</td><td><a href="{{ a.get_absolute_url }}">{{ a.number }}</a></td>\n'  # noqa: E501
    '<td>{{ a.localized_title|default:_("Title not in the data") }}</td>\n'
    "<td>{% for c in a.conventions.all %}{{ c.short_name }}{% if not forloop.last %}, {% endif %}{% empty %}—{% endfor %}</td>\n"  # noqa: E501
    "<td>{% for p in a.legal_basis.all %}{{ p }}{% if not forloop.last %}; {% endif %}{% empty %}—{% endfor %}</td>\n"  # noqa: E501
    '<td>{{ a.approved_budget|floatformat:"2g"|default:"—" }}</td><td>{{ a.get_status_display }}</td></tr>\n'
    '{% empty %}<tr><td colspan="7">{% translate "No activity matches these filters." %}</td></tr>{% endfor %}'
)


def _render(source, context):
    return engines["django"].from_string(source).render(context, RequestFactory().get("/"))


@pytest.fixture
def programme(admin):
    _plan, objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11, title="Workshops <& 'quoted' \"all\">", objective=objective)
    bare = activity(admin, biennium, 12, legal_basis=[], approved_budget=None, status="planned")
    bare.conventions.clear()  # what the form refuses, the data may hold (imported activities)
    ProgrammeActivity.objects.filter(pk=bare.pk).update(title_en="")
    activity(admin, biennium, 14, conventions=list(Convention.objects.filter(code__in=["BC", "SC"])))
    activity(admin, biennium, 13, legal_basis=[paragraph("SC-2/16", "5"), paragraph()], approved_budget=Decimal(0))
    return biennium


def test_the_programme_rows_are_the_templates_in_every_language(client, programme):
    for language in LANGUAGES:
        body = client.get("/plan/programme/", {"biennium": 2026}, headers={"accept-language": language})
        with translation.override(language):
            old = _render(OLD_ROWS, {"activities": selectors.activity_list(biennium=2026)})
        assert old.count("<tr>") == 4 and "Title not in the data" in str(old) or language != "en"
        assert f"<tbody>{old}</tbody>" in body.content.decode(), language


def test_no_programme_row_is_the_templates_empty_row(client, programme):
    body = client.get("/plan/programme/", {"biennium": 2012, "status": "cancelled"}).content.decode()
    assert f"<tbody>{_render(OLD_ROWS, {'activities': []})}</tbody>" in body


def test_the_programme_costs_little_per_row(client, admin):
    _plan, _objective, biennium = plan_2026(admin)
    for n in range(1, 31):
        activity(admin, biennium, n)
    per_row, _few, _many = calls_per_row(
        client, "/plan/programme/", {"biennium": 2026, "status": "cancelled"}, {"biennium": 2026},
        rows=lambda response: len(response.context["activities"]),
    )  # fmt: skip
    assert per_row < 200  # ~150 now; ~2,300 in the template, with model instances
