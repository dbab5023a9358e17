"""The programme's rows and the mandate coverage's sections, written in Python (issue 13,
`views.programme.activity_rows_html`, `views.mandates.coverage_html`): the same HTML as the templates they
replace, in English, French and Arabic, at a small cost per row."""

from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.utils import translation

from tahub.parties.models import Convention
from tahub.planning import coverage, selectors, services
from tahub.planning.models import Decision, DecisionParagraph, ProgrammeActivity
from tests.bench.calls import calls_per_row, python_calls
from tests.funding.seed import seed_proposal

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

# The coverage's decisions before issue 13 (planning/coverage.html, with planning/partials/coverage_records.html).
OLD_RECORDS = (
    '{% if answer.url %}<a href="{{ answer.url }}">{% if answer.through_activities %}{{ find_them }}{% else %}'
    "{{ list_them }}{% endif %}</a>{% else %}{% for r in answer.records %}{% if r.get_absolute_url %}"
    '<a href="{{ r.get_absolute_url }}">{{ r }}</a>{% else %}{{ r }}{% endif %}{% if not forloop.last %}; '
    "{% endif %}{% empty %}—{% endfor %}{% if not answer.complete %} {% blocktranslate count count=answer.count %}"
    "(the newest of {{ count }}){% plural %}(the newest of {{ count }}){% endblocktranslate %}{% endif %}{% endif %}"
)
OLD_SECTIONS = (
    "{% load i18n %}"  # noqa: ISC003
    '{% translate "Text not in the data." as text_missing %}{% translate "The text in your language is not in the data: this is another language\'s." as other_language %}{% with reader_language=LANGUAGE_CODE %}{% translate "nothing answers it yet" as unanswered_note %}\n'  # noqa: E501
    '{% translate "List them in the programme of work" as list_them %}{% translate "Find them through the activities in the programme of work" as find_them %}\n'  # noqa: E501
    '<ul>{% for p in unanswered %}<li><a href="#p{{ p.pk }}">{{ p.label }}</a></li>{% empty %}<li>{% translate "Every paragraph is answered by at least one record." %}</li>{% endfor %}</ul>\n'  # noqa: E501
    "{% regroup paragraphs by decision as decisions %}\n"
    '{% for group in decisions %}{% with decision=group.grouper %}<section aria-labelledby="d{{ decision.pk }}">\n'
    '<h3 id="d{{ decision.pk }}"><a href="{{ decision.get_absolute_url }}">{{ decision.number }}</a>{% if decision.title %}: {{ decision.localized_title }}{% endif %}</h3>\n'  # noqa: E501
    '{% if decision.whole_decision %}<dl class="facts">{% for answer in decision.whole_decision %}<dt>{{ answer.label }} ({{ answer.count }})</dt>\n'  # noqa: E501
    "<dd>RECORDS</dd>{% endfor %}</dl>{% endif %}\n"
    '{% for p in group.list %}<section id="p{{ p.pk }}" aria-labelledby="h{{ p.pk }}">\n'
    '<h4 id="h{{ p.pk }}">{{ p.label }}{% if not p.answered %} — {{ unanswered_note }}{% endif %}</h4>\n'
    '{% with shown=p.text_shown %}{% if shown.0 %}<blockquote lang="{{ shown.1 }}">{{ shown.0 }}</blockquote>{% if shown.1 != reader_language %}<p class="note">{{ other_language }}</p>{% endif %}{% else %}\n'  # noqa: E501
    '    <p class="note">{{ text_missing }}{% if p.notes %} {{ p.notes }}{% endif %}</p>{% endif %}{% endwith %}\n'
    '{% if p.answered %}<dl class="facts">{% for answer in p.answers %}{% if answer.count %}<dt>{{ answer.label }} ({{ answer.count }})</dt>\n'  # noqa: E501
    "<dd>RECORDS</dd>\n"
    "{% endif %}{% endfor %}{% for answer in p.deliveries %}<dt>{{ answer.label }} ({{ answer.count }})</dt>\n"
    "<dd>RECORDS</dd>\n"
    "{% endfor %}</dl>{% endif %}</section>{% endfor %}\n"
    "</section>{% endwith %}\n"
    '{% empty %}<p>{% translate "No decision paragraph is marked as asking for technical assistance." %}</p>{% endfor %}\n'  # noqa: E501
    "{% endwith %}"
).replace("RECORDS", OLD_RECORDS)


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


def test_the_coverage_is_the_templates_in_every_language(client, admin):
    _plan, _objective, biennium = plan_2026(admin)
    for n in (11, 12):
        activity(admin, biennium, n)
    for n in range(coverage.SHOWN + 1):  # cite SC-5/20 as a whole decision: the newest five listed
        seed_proposal(admin, publish=True, title=f"Proposal {n} <&>")
    DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_fr="Prie <le> Secrétariat d'aider…")
    services.add_paragraph(
        by=admin,
        data={
            "decision": Decision.objects.get(number="SC-1/15"),
            "number": "3 (a)",
            "position": 3,
            "asks_for_assistance": True,
            "notes": "Cited by 'a' proposal <seed>.",
        },
    )
    for language in LANGUAGES:
        body = client.get("/plan/mandates/", headers={"accept-language": language}).content.decode()
        with translation.override(language):
            paragraphs, _kinds = coverage.coverage(AnonymousUser())
            unanswered = [p for p in paragraphs if not p.answered]
            old = _render(OLD_SECTIONS, {"paragraphs": paragraphs, "unanswered": unanswered})
        assert 'href="/plan/programme/2026/12/"' in old and "<blockquote" in old and " (6)</dt>" in old
        ul, sections = old.split("\n", 2)[2].split("\n", 1)  # the two translated lines give nothing but newlines
        assert ul in body and sections in body, language


def test_the_programme_costs_little_per_row(client, admin):
    _plan, _objective, biennium = plan_2026(admin)
    for n in range(1, 31):
        activity(admin, biennium, n)
    per_row, _few, _many = calls_per_row(
        client, "/plan/programme/", {"biennium": 2026, "status": "cancelled"}, {"biennium": 2026},
        rows=lambda response: len(response.context["activities"]),
    )  # fmt: skip
    assert per_row < 200  # ~150 now; ~2,300 in the template, with model instances


def test_the_coverage_costs_little_per_paragraph(client, admin):
    decision = Decision.objects.get(number="SC-7/16")

    def add(numbers):
        for n in numbers:
            services.add_paragraph(by=admin, data={"decision": decision, "number": str(n), "asks_for_assistance": 1})

    add(range(901, 911))
    few, response = python_calls(client, "/plan/mandates/")
    rows_few = len(response.context["paragraphs"])
    add(range(911, 941))
    many, response = python_calls(client, "/plan/mandates/")
    rows_many = len(response.context["paragraphs"])
    assert rows_many - rows_few == 30
    assert (many - few) / 30 < 450  # ~340 now (its model instances, its key in each count); ~970 before
