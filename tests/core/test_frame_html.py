"""base.html's shared parts written in Python (`core.frame`, `{% site_header %}`, issue 13): the same page as the
template before, byte for byte, for visitors, contact points and staff, in English, French and Arabic (right to
left), with a message and an address that needs escaping, at a fraction of the Python calls."""

import cProfile
import pstats
import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages import constants
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.db import SessionStore
from django.template import engines
from django.test import RequestFactory, override_settings
from django.urls import resolve
from django.utils import translation

from tests.accounts import cast

pytestmark = pytest.mark.django_db

# core/language_form.html before issue 13, as base.html included it (its {% load %} line left a line break).
OLD_FORM = (
    "\n"  # noqa: ISC003
    '<form class="language" action="{% url \'set_language\' %}" method="post">{% csrf_token %}\n'
    '  <input name="next" type="hidden" value="{{ request.get_full_path }}">\n'
    '  <label for="language-select">{% translate "Language" %}</label>\n'
    '  <select id="language-select" name="language">\n'
    "    {% language_options %}\n"
    "  </select>\n"
    '  <button type="submit">{% translate "Change" %}</button>\n'
    "</form>\n"
)
# base.html before issue 13's frame (the navigation's items already a tag: tests/core/test_navigation_html.py).
OLD_BASE = (
    "{% load i18n language_options site_navigation static %}<!doctype html>\n"
    "{% get_current_language as LANGUAGE_CODE %}{% get_current_language_bidi as LANGUAGE_BIDI %}\n"
    '<html lang="{{ LANGUAGE_CODE }}" dir="{% if LANGUAGE_BIDI %}rtl{% else %}ltr{% endif %}">\n'
    "<head>\n"
    '<meta charset="utf-8">\n'
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
    '<title>{% block title %}{% endblock %} · {% translate "TA Hub" %}</title>\n'
    '<link rel="stylesheet" href="{% static \'css/tahub.css\' %}">\n'
    "</head>\n"
    "<body>\n"
    '<a class="skip" href="#main">{% translate "Skip to content" %}</a>\n'
    '<header class="site">\n'
    '  <a class="brand" href="{% url \'home\' %}">{% translate "TA Hub" %}</a>\n'
    f"  {OLD_FORM}\n"
    '  <nav class="site-nav" aria-label="{% translate \'Main\' %}">\n'
    '    <ul class="nav-groups">\n'
    "      {% site_navigation %}\n"
    "    </ul>\n"
    "  </nav>\n"
    "</header>\n"
    '<main id="main">\n'
    '{% if messages %}<div role="status"><ul class="messages">{% for message in messages %}<li class="{{ message.tags }}">{{ message }}</li>{% endfor %}</ul></div>{% endif %}\n'  # noqa: E501
    "{% block content %}{% endblock %}\n"
    "</main>\n"
    '<footer class="site">\n'
    '  <p>{% translate "TA Hub supports technical assistance under Article 12 of the Stockholm Convention on Persistent Organic Pollutants." %}\n'  # noqa: E501
    '  <a href="{% url \'data_notes\' %}">{% translate "About the data" %}</a> · <a href="{% url \'api:openapi-view\' %}">{% translate "API" %}</a> · <a href="{% url \'directory:join\' %}">{% translate "List your organisation" %}</a></p>\n'  # noqa: E501
    "</footer>\n"
    "</body>\n"
    "</html>\n"
)
PAGE = (
    "{% extends base %}{% block title %}A page &amp; its title{% endblock %}"
    "{% block content %}<h1>The page</h1>{% endblock %}"
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
# Measured (SQLite, the tests' data): a visitor's frame 2,766–2,809 Python calls with the template, 966–984 with
# core.frame (about 490 of them Django's CSRF token, kept as Django makes it).
MAX_SHARE = 0.4


def _request(path, user, message=None):
    request = RequestFactory().get(path)
    request.user = user
    request.resolver_match = resolve(request.path)
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    if message:
        request._messages.add(constants.WARNING, message)
    return request


def _render(base, request):
    return engines["django"].from_string(PAGE).render({"base": base}, request)


def _same(request):
    old = _render(engines["django"].from_string(OLD_BASE), request)
    new = _render(engines["django"].get_template("base.html"), request)
    assert TOKEN.sub("TOKEN", new) == TOKEN.sub("TOKEN", old)
    assert new.count('name="csrfmiddlewaretoken"') == 1
    return new


def _people():
    return {
        "visitor": AnonymousUser(),
        "contact point": cast.contact_point("contact@ken.example", cast.PARTY_A),
        "staff": cast.staff("admin@example.org"),
    }


@pytest.mark.parametrize("code", ["en", "fr", "ar"])
def test_the_same_page_as_the_template_for_everyone_in_each_language(code):
    for who, person in _people().items():
        for path in ("/", "/parties/KEN/", "/data-notes/", "/parties/?region=<AFR>&q=a\"b'c"):
            with translation.override(code):
                html = _same(_request(path, person))
            assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html, (who, path)
            assert ("Sign in" in html) == (code == "en" and who == "visitor"), (who, path)


def test_the_same_page_with_a_message_and_an_address_to_escape():
    with translation.override("fr"):
        html = _same(_request('/parties/?q="><script>', AnonymousUser(), message="Un <b>message</b> & plus"))
    assert "Un &lt;b&gt;message&lt;/b&gt; &amp; plus" in html and "<script>" not in html


@override_settings(LANGUAGES=[("en", "English"), ("fr", "French")])
def test_the_frame_follows_the_languages_offered():
    with translation.override("fr"):
        html = _same(_request("/", AnonymousUser()))
    assert html.count("<option ") == 2


def _calls(base, request):
    _render(base, request)
    profiler = cProfile.Profile()
    profiler.enable()
    _render(base, request)
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def test_the_frame_costs_a_fraction_of_the_template():
    request = _request("/parties/KEN/", AnonymousUser())
    empty = engines["django"].from_string("{% block title %}{% endblock %}{% block content %}{% endblock %}")
    floor = _calls(empty, request)
    old = _calls(engines["django"].from_string(OLD_BASE), request) - floor
    new = _calls(engines["django"].get_template("base.html"), request) - floor
    assert new < old * MAX_SHARE, (old, new)
