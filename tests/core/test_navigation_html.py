"""The main navigation written in Python (`reports.templatetags.site_navigation`, issue 13): the same HTML as the
template loops it replaces, for anonymous and signed-in people, staff, the current section, labels that need
escaping and every language, at a fraction of the Python calls."""

import cProfile
import pstats

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from tahub.reports.navigation import navigation
from tests.accounts import cast
from tests.bench.calls import python_calls

pytestmark = pytest.mark.django_db

# base.html's navigation items before issue 13 (inside <ul class="nav-groups">).
OLD_NAV = (
    "{% load i18n %}"  # noqa: ISC003
    '{% if my_work %}<li class="nav-group nav-mine"><span class="nav-label" id="nav-mine">{% translate "My work" %}</span>\n'  # noqa: E501
    '        <ul aria-labelledby="nav-mine">\n'
    '          {% for item in my_work %}<li><a href="{{ item.url }}"{% if item.current %} aria-current="{{ item.current }}"{% endif %}>{{ item.label }}{% if item.count is not None %} <span class="count">{{ item.count }}<span class="visually-hidden"> {% translate "waiting for you" %}</span></span>{% endif %}</a></li>\n'  # noqa: E501
    '          {% endfor %}<li><a href="{% url \'accounts:profile\' %}">{% translate "Your account" %}</a></li>\n'  # noqa: E501
    '          <li><a href="{% url \'account_logout\' %}">{% translate "Sign out" %}</a></li>\n'
    "        </ul></li>{% endif %}\n"
    '      {% for group in nav_groups %}{% if group.links|length == 1 and group.links.0.label == group.label %}{% with link=group.links.0 %}<li class="nav-group nav-single"><a href="{{ link.url }}"{% if link.current %} aria-current="{{ link.current }}"{% endif %}>{{ link.label }}</a></li>{% endwith %}\n'  # noqa: E501
    '      {% else %}<li class="nav-group"><span class="nav-label" id="nav-group-{{ forloop.counter }}">{{ group.label }}</span>\n'  # noqa: E501
    '        <ul aria-labelledby="nav-group-{{ forloop.counter }}">\n'
    '          {% for link in group.links %}<li><a href="{{ link.url }}"{% if link.current %} aria-current="{{ link.current }}"{% endif %}>{{ link.label }}</a></li>\n'  # noqa: E501
    "          {% endfor %}\n"
    "        </ul></li>\n"
    "      {% endif %}{% endfor %}\n"
    '      {% if not user.is_authenticated %}<li class="nav-group nav-single"><a href="{% url \'account_login\' %}">{% translate "Sign in" %}</a></li>{% endif %}'  # noqa: E501
)
NEW_NAV = "{% load site_navigation %}{% site_navigation %}"
# Measured on SQLite, /data-notes/ (a page of text: little but the base template): anonymous 12,009 calls with the
# template loops and {% url %}, 8,117 with the navigation's tag, 4,941 with the frame written once per language
# (core.frame), 4,355 with core.csrf's token; a signed-in contact point 15,622, 10,778, 7,434, 6,678 (/healthz:
# 1,919 before these).
MAX_ANONYMOUS_CALLS = 5_000
MAX_SIGNED_IN_CALLS = 7_500


def _render(source, context):
    return engines["django"].from_string(source).render(context)


def _context(path, user):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(path)
    return {"user": user, "request": request, **navigation(request)}


def _same(context):
    old, new = _render(OLD_NAV, context), _render(NEW_NAV, context)
    assert new == old
    return new


@pytest.mark.parametrize("code", [code for code, _name in settings.LANGUAGES])
def test_same_html_as_the_template_for_a_visitor_in_each_language(code):
    with translation.override(code):
        html = _same(_context("/parties/KEN/", AnonymousUser()))
        # The areas' HTML is kept per current section: each page below marks another link, or none.
        assert _same(_context("/parties/", AnonymousUser())).count('aria-current="page"') == 1
        assert _same(_context("/plan/programme/", AnonymousUser())).count('aria-current="page"') == 1
        assert "aria-current" not in _same(_context("/data-notes/", AnonymousUser()))
        assert _same(_context("/parties/KEN/", AnonymousUser())) == html
    assert 'aria-current="true"' in html and html.count("<li") >= 12


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_same_html_as_the_template_signed_in(code):
    person = cast.contact_point("contact@ken.example", cast.PARTY_A)
    admin = cast.staff("admin@example.org")
    with translation.override(code):
        for user in (person, admin):
            html = _same(_context("/", user))
            assert 'id="nav-mine"' in html and reverse("account_login") not in html
        _same(_context("/parties/KEN/", admin))


def test_same_html_as_the_template_for_labels_that_need_escaping():
    groups = [
        {"label": "A <&'\"> group", "links": [{"url": "/a?x=1&y=<2>", "label": "L <1>", "current": "page"}]},
        {"label": "Single & one", "links": [{"url": "/s/", "label": "Single & one", "current": "true"}]},
        {
            "label": "Two",
            "links": [{"url": "/t/", "label": "T1", "current": ""}, {"url": "/u/", "label": "U", "current": ""}],
        },  # noqa: E501
        {"label": "Empty", "links": []},
    ]
    work = [
        {"url": "/d/", "label": "Mine <b>", "count": None, "current": "page"},
        {"url": "/r/#x", "label": "Requests", "count": 0, "current": ""},
        {"url": "/q/", "label": "Q", "count": 12345, "current": ""},
    ]
    person = cast.user("someone@example.org")
    for user in (AnonymousUser(), person):
        for my_work in (work, []):
            _same({"user": user, "nav_groups": groups, "my_work": my_work})
    _same({})  # no navigation in the context (a page rendered without the context processors)


def test_the_navigation_costs_far_fewer_python_calls(client):
    anonymous, _response = python_calls(client, "/data-notes/")
    person = cast.contact_point("contact@ken.example", cast.PARTY_A)
    cast.sign_in(client, person)
    signed_in, _response = python_calls(client, "/data-notes/")
    assert anonymous <= MAX_ANONYMOUS_CALLS
    assert signed_in <= MAX_SIGNED_IN_CALLS


def _calls(source, context):
    template = engines["django"].from_string(source)
    template.render(context)
    profiler = cProfile.Profile()
    profiler.enable()
    template.render(context)
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def test_the_navigation_alone_costs_a_fraction_of_the_template_loops():
    admin = cast.staff("admin@example.org")
    for user in (AnonymousUser(), admin):
        context = _context("/parties/KEN/", user)
        _render(NEW_NAV, context)  # the counts and groups computed once a request, for both
        old, new = _calls(OLD_NAV, context), _calls(NEW_NAV, context)
        assert new * 2 < old, (user, old, new)  # measured: 3,621 → 1,597 for a visitor
