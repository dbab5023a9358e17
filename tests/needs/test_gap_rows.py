"""The gap page's tables, written in Python (issue 13, `views.gap_tables`): the same HTML as the template loops of
needs/_gaps.html and needs/_table.html they replace, for the Secretariat's live figures and the published ones, in
English, French and Arabic, with data and without."""

import cProfile
import pstats
import random

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.utils import translation

from tahub.needs import services
from tahub.needs.selectors import analysis, published
from tahub.needs.views import gap_tables
from tahub.needs.views.analysis import gaps_context, map_themes

from . import random_world as rw

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "fr", "ar"]

# The loops of needs/_gaps.html before issue 13, each as the part of the page it wrote.
OLD = {
    "gap_rows": (
        "{% for row, region in gaps %}\n"
        '    <tr><td>{{ forloop.counter }}</td><th scope="row">{{ row.theme_name }}</th><td>{{ region }}</td><td>{{ row.needs.high }}</td><td>{{ row.needs.medium }}</td><td>{{ row.needs.weighted }}</td><td>{{ row.offers }}</td><td>{{ row.delivered.requests }}</td><td>{{ row.delivered.events }}</td><td>{{ row.score }}</td><td>{{ row.status_label }}</td></tr>\n'  # noqa: E501
        '{% empty %}<tr><td colspan="11">{% translate "No response submitted yet." %}</td></tr>{% endfor %}'
    ),
    "need_rows": (
        "{% for row in rows %}\n"
        '    <tr><th scope="row">{{ row.theme }}</th><td>{{ row.region|default:"—" }}</td><td>{{ row.high }}</td><td>{{ row.medium }}</td><td>{{ row.low }}</td><td>{{ row.none }}</td></tr>\n'  # noqa: E501
        '{% empty %}<tr><td colspan="6">{% translate "No response submitted yet." %}</td></tr>{% endfor %}'
    ),
    "themes_table_html": '{% include "needs/_table.html" with table=themes_table %}',
    "map_theme_options": (
        '{% for slug, name in map_themes %}<option value="{{ slug }}"{% if slug == map_theme %} selected{% endif %}>'
        "{{ name }}</option>{% endfor %}"
    ),
    "map_rows_html": (
        '{% for key, value in map_rows %}<tr><th scope="row">{{ key }}</th><td>{{ value|default_if_none:"—" }}</td>'
        "</tr>{% empty %}\n"
        '    <tr><td colspan="2">{% translate "No data yet." %}</td></tr>{% endfor %}'
    ),
    "offers_html": '{% include "needs/_table.html" with table=offers %}',
    "trend_rows": (
        "{% for row, now, before, change in analysis.trend %}\n"
        '    <tr><th scope="row">{{ row.theme_name }}</th><td>{{ now|default_if_none:"—" }}</td><td>{{ before|default_if_none:"—" }}</td><td>{% if change is None %}—{% elif change > 0 %}+{{ change }}{% else %}{{ change }}{% endif %}</td></tr>\n'  # noqa: E501
        '{% empty %}<tr><td colspan="4">{% translate "No response submitted yet." %}</td></tr>{% endfor %}'
    ),
}


def _old_rows(result):
    """The needs table's rows as gaps_context gave them to the template before issue 13."""
    items = sorted(result.needs.items(), key=lambda i: (-i[1][1].high, i[1][0]))
    return [
        {"theme": name, "region": gap_tables.region_name(region), "high": t.high, "medium": t.medium, "low": t.low,
         "none": t.none}
        for (_slug, region), (name, t) in items
    ]  # fmt: skip


def _compare(result, *, staff, theme=None):
    themes = map_themes(result)
    for language in LANGUAGES:
        with translation.override(language):
            context = gaps_context(result, staff=staff, theme=theme, themes=themes)
            for name, source in OLD.items():
                template = engines["django"].from_string("{% load i18n %}" + source)
                old = template.render({**context, "rows": _old_rows(result)})
                assert context[name] == old, (name, language)


@pytest.fixture
def answered(cycle):
    parties = list(cycle.invited.select_related("country__region").order_by("country__iso3")[:30])
    rw.answer_randomly(random.Random(5), cycle, parties)
    return cycle


def test_the_live_tables_are_the_templates_in_every_language(answered):
    result = analysis.CycleAnalysis(answered, [answered])
    assert result.gaps and result.needs and result.trend
    _compare(result, staff=True)
    _compare(result, staff=True, theme=result.gaps[0].theme)  # the chosen theme's option selected


def test_the_published_tables_are_the_templates_in_every_language(answered, admin):
    cycle = services.publish_results(answered, by=admin)
    result = published.analysis_for(AnonymousUser(), cycle, [cycle])
    assert not result.live and result.gaps
    _compare(result, staff=False)


def test_empty_tables_are_the_templates_empty_rows(cycle):
    _compare(analysis.CycleAnalysis(cycle, [cycle]), staff=True)


def test_a_gap_row_costs_a_few_calls(answered):
    result = analysis.CycleAnalysis(answered, [answered])
    gaps = [(row, gap_tables.region_name(row.region)) for row in result.gaps]

    def calls(rows):
        profiler = cProfile.Profile()
        profiler.enable()
        gap_tables.gap_rows_html(rows, gap_tables.Cells())
        profiler.disable()
        return pstats.Stats(profiler).total_calls

    few, many = calls(gaps[:2]), calls(gaps)
    assert len(gaps) >= 20
    assert (many - few) / (len(gaps) - 2) < 120  # ~70 now (a new number localised); ~700 in the template
