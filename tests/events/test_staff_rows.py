"""The staff nomination list's rows, written in Python (`views.registrations.registration_rows_html`, issue 13):
the same HTML as the template loop they replace, at under a hundred Python calls a row instead of ~2,300."""

import cProfile
import pstats
import re

import pytest
from django.template import engines
from django.test import RequestFactory

from tahub.events.models import Registration, RegistrationState
from tahub.events.views.registrations import registration_rows_html
from tests.accounts import cast

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db

# The template's loop before issue 13 (events/staff/registrations.html, with events/staff/decide.html).
OLD_ROWS = (
    "{% load i18n %}"  # noqa: ISC003
    '{% for r in page.object_list %}<tr><td>{{ r.name }}<br><small>{{ r.email }}</small></td><td>{{ r.party.country.name|default:"—" }}</td><td>{{ r.get_state_display }}</td>\n'  # noqa: E501
    '  <td>{% if r.letter %}<a href="{% url \'events:letter\' e.slug r.pk %}">{% translate "Letter" %}</a>{% else %}—{% endif %}</td>\n'  # noqa: E501
    '  <td>{% if r.state == "accepted" %}<input type="checkbox" form="attendance" name="attended" value="{{ r.pk }}" id="attended-{{ r.pk }}"{% if r.attended %} checked{% endif %}><label for="attended-{{ r.pk }}" class="visually-hidden">{% blocktranslate with name=r.name %}{{ name }} attended{% endblocktranslate %}</label>{% else %}—{% endif %}</td>\n'  # noqa: E501
    '  <td>{% if r.state == "nominated" or r.state == "waitlisted" %}{% include "events/staff/decide.html" with action="accept" label=_("Accept") %}{% endif %}{% if r.state == "nominated" %}{% include "events/staff/decide.html" with action="waitlist" label=_("Waiting list") %}{% include "events/staff/decide.html" with action="decline" label=_("Decline") %}{% endif %}{% if r.state in "nominated accepted waitlisted" %}{% include "events/staff/decide.html" with action="cancel" label=_("Cancel") %}{% endif %}</td></tr>\n'  # noqa: E501
    '  {% empty %}<tr><td colspan="6">{% translate "No one yet." %}</td></tr>{% endfor %}'  # noqa: E501
)
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')


def _request():
    request = RequestFactory().get("/staff/events/x/")
    request.META["CSRF_COOKIE"] = "k" * 32
    return request


def _old(request, event, registrations):
    template = engines["django"].from_string(OLD_ROWS)
    return template.render({"e": event, "page": {"object_list": registrations}}, request)


def test_same_html_as_the_template_in_every_state():
    event = make_event(capacity=100, party_quota=100)
    kenya = cast.party("KEN")
    people = [
        dict(state=RegistrationState.NOMINATED, party=kenya, name="Amina <& '\"> Odhiambo", letter=letter()),
        dict(state=RegistrationState.WAITLISTED, party=kenya, name="Brian"),
        dict(state=RegistrationState.ACCEPTED, party=kenya, name="Chloé", attended=True),
        dict(state=RegistrationState.ACCEPTED, party=None, name="Dev", attended=None),
        dict(state=RegistrationState.DECLINED, party=kenya, name="Esi"),
        dict(state=RegistrationState.CANCELLED, party=None, name="Femi"),
    ]
    for i, fields in enumerate(people):
        Registration.objects.create(event=event, email=f"p{i}@example.org", token=f"t{i}", **fields)
    registrations = list(event.registrations.select_related("party__country").order_by("pk"))
    request = _request()
    ours = str(registration_rows_html(request, event, registrations))
    theirs = _old(request, event, registrations)
    assert TOKEN.sub("TOKEN", ours) == TOKEN.sub("TOKEN", theirs)
    assert ours.count("<form") == 4 + 2 + 1 + 1
    assert "&lt;&amp; &#x27;&quot;&gt;" in ours


def _calls(request, event, registrations):
    registration_rows_html(request, event, registrations)
    profiler = cProfile.Profile()
    profiler.enable()
    registration_rows_html(request, event, registrations)
    profiler.disable()
    return pstats.Stats(profiler).total_calls


def test_each_nominated_row_costs_under_a_hundred_python_calls():
    event = make_event(capacity=1000, party_quota=1000)
    kenya = cast.party("KEN")
    Registration.objects.bulk_create(
        Registration(event=event, party=kenya, name=f"P{i}", email=f"p{i}@ken.example", token=f"t{i}",
                     state=RegistrationState.NOMINATED)
        for i in range(60)
    )  # fmt: skip
    rows = list(event.registrations.select_related("party__country").order_by("pk"))
    request = _request()
    per_row = (_calls(request, event, rows) - _calls(request, event, rows[:10])) / 50
    assert per_row < 100, f"{per_row:.1f} calls a row"  # measured: 86 (four forms); the template: ~2,300
