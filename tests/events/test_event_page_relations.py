"""The event page reads what an event relates to as values, two queries compiled once per process
(`selectors.event_relations`, issue 13): the same HTML as the template read from the model instances before,
for a visitor, a Party's contact point and the Secretariat, in three languages."""

import re

import pytest
from django.template import engines
from django.utils import timezone

from tahub.directory.models import Organisation
from tahub.events import selectors
from tahub.events.models import EventState, Material, Registration, RegistrationMode
from tahub.events.views.events import event_context
from tahub.parties.models import Region
from tahub.planning.models import Decision
from tahub.vocabularies.models import Theme
from tests.accounts import cast

from .conftest import login, make_event

pytestmark = pytest.mark.django_db

# The page's content before issue 13 (events/event_detail.html), reading the event's prefetched relations.
OLD_CONTENT = (
    "{% load i18n %}"
    '\n'
    '<h1>{{ e.title }}</h1>\n'
    '<p class="status"><strong>{% translate "Status" %}:</strong> {{ e.get_state_display }} · {{ e.get_kind_display }}</p>\n'  # noqa: E501
    '<dl class="facts">\n'
    '  <dt>{% translate "When" %}</dt><dd>{% include "events/partials/when.html" %} · <a href="{% url \'events:event_ics\' e.slug %}">{% translate "Add to my calendar" %}</a></dd>\n'  # noqa: E501
    '  <dt>{% translate "Mode" %}</dt><dd>{{ e.get_mode_display }}{% if e.venue %}, {{ e.venue }}{% endif %}</dd>\n'
    '  <dt>{% translate "Languages" %}</dt><dd>{{ e.language_names|join:", " }}{% if e.interpretation %} · {% translate "interpretation" %}: {{ e.interpretation }}{% endif %}</dd>\n'  # noqa: E501
    '  <dt>{% translate "Description" %}</dt><dd>{{ e.description|linebreaksbr|default:"—" }}</dd>\n'
    '  <dt>{% translate "Organisers" %}</dt><dd>{% for o in e.organisers.all %}<a href="{% url \'directory:detail\' o.slug %}">{{ o }}</a>{% if not forloop.last %}; {% endif %}{% empty %}—{% endfor %}</dd>\n'  # noqa: E501
    '  <dt>{% translate "Partners" %}</dt><dd>{{ e.partners.all|join:"; "|default:"—" }}</dd>\n'
    '  <dt>{% translate "Themes" %}</dt><dd>{{ e.themes.all|join:"; "|default:"—" }}</dd>\n'
    '  <dt>{% translate "Decisions served" %}</dt><dd>{% for d in e.decisions.all %}<a href="{{ d.get_absolute_url }}">{{ d.number }}</a>{% if not forloop.last %}; {% endif %}{% empty %}—{% endfor %}</dd>\n'  # noqa: E501
    '  {% if e.programme_activity_id %}<dt>{% translate "Plan activity" %}</dt><dd>{{ e.programme_activity }}</dd>{% endif %}\n'  # noqa: E501
    '  <dt>{% translate "Who may take part" %}</dt><dd>{{ e.get_registration_mode_display }}{% if e.registration_mode == "nomination" %}: {% if e.eligible_parties_only %}{% translate "developing-country Parties and Parties with economies in transition" %}{% else %}{% translate "all Parties" %}{% endif %} · {% blocktranslate count n=e.party_quota %}{{ n }} participant per Party{% plural %}{{ n }} participants per Party{% endblocktranslate %}{% endif %}</dd>\n'  # noqa: E501
    '  {% if e.registration_mode == "nomination" %}{% with regions=e.eligible_regions.all %}{% if regions %}<dt>{% translate "Regions whose Parties may nominate" %}</dt><dd>{{ regions|join:"; " }}</dd>{% endif %}{% endwith %}\n'  # noqa: E501
    '  {% if e.eligible_roles %}<dt>{% translate "Who may be nominated" %}</dt><dd>{{ e.eligible_roles }}</dd>{% endif %}{% endif %}\n'  # noqa: E501
    '  <dt>{% translate "Places" %}</dt><dd>{% blocktranslate with left=counts.places_left capacity=e.capacity %}{{ left }} of {{ capacity }} left{% endblocktranslate %}</dd>\n'  # noqa: E501
    '  <dt>{% translate "Registration deadline" %}</dt><dd>{{ e.registration_deadline|date:"j M Y" }} ({{ e.time_zone }})</dd>\n'  # noqa: E501
    '  <dt>{% translate "Agenda" %}</dt><dd>{{ e.agenda|linebreaksbr|default:"—" }}</dd>\n'
    '  <dt>{% translate "Materials" %}</dt><dd>{% for m in materials %}{% if m.file %}<a href="{% url \'events:material\' e.slug m.pk %}">{{ m.title }}</a>{% else %}<a href="{{ m.url }}">{{ m.title }}</a>{% endif %} ({{ m.get_kind_display }}{% if not m.public %}, {% translate "participants only" %}{% endif %}){% if not forloop.last %}; {% endif %}{% empty %}—{% endfor %}</dd>\n'  # noqa: E501
    '</dl>\n'
    '{% if e.state == "published" %}\n'
    '{% if not open %}<p>{% translate "Registration is closed." %}</p>\n'
    '{% elif e.registration_mode == "nomination" %}\n'
    '<h2>{% translate "Nominations" %}</h2>\n'
    '<p>{% translate "Participants are nominated by their country\'s official contact point or focal point." %}</p>\n'
    '{% if parties %}\n'
    '    <ul>{% for p in parties %}<li><a href="{% url \'events:party_nominations\' e.slug p.country.iso3 %}">{% blocktranslate with party=p %}Nominate participants for {{ party }}{% endblocktranslate %}</a></li>{% endfor %}</ul>{% endif %}\n'  # noqa: E501
    '{% elif form %}\n'
    '<h2 id="register">{% translate "Register" %}</h2>\n'
    '<form method="post" action="{% url \'events:register\' e.slug %}" aria-labelledby="register">{% csrf_token %}\n'
    '  {{ form.as_div }}\n'
    '  <button type="submit">{% translate "Register" %}</button>\n'
    '</form>\n'
    '{% endif %}{% endif %}\n'
    '{% if perms.events.manage_events %}\n'
    '    <p><a href="{% url \'events_staff:registrations\' e.slug %}">{% translate "Manage participants" %}</a> · <a href="{% url \'events_staff:edit\' e.slug %}">{% translate "Edit the event" %}</a></p>{% endif %}\n'  # noqa: E501
    ''
)  # fmt: skip


def related(event):
    """The event with two of each relation, names that need escaping, materials of each kind."""
    event.organisers.add(
        Organisation.objects.create(slug=f"{event.slug}-zz-short", name="Zz Tools", short_name="Z&Z", kind="private"),
        Organisation.objects.create(slug=f"{event.slug}-aa-long", name="Aa <Institute>", kind="private"),
    )
    event.partners.add(
        Organisation.objects.create(slug=f"{event.slug}-p-one", name="Partner <One>", short_name="P1", kind="private"),
        Organisation.objects.create(slug=f"{event.slug}-p-two", name="Another partner", kind="private"),
    )
    event.themes.add(*Theme.objects.order_by("-name")[:3])
    event.decisions.add(*Decision.objects.order_by("-year", "number")[:2])
    event.eligible_regions.add(*Region.objects.order_by("-code")[:2])
    Material.objects.create(event=event, kind=Material.Kind.DOCUMENT, title="Agenda <draft>", file="events/2030/a.pdf")
    Material.objects.create(event=event, kind=Material.Kind.LINK, title="Slides", url="https://example.org/s")
    Material.objects.create(
        event=event, kind=Material.Kind.RECORDING, title="Recording", url="https://example.org/r", public=False
    )
    return event


def normalised(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "csrf", html)


def old_content(response, slug):
    """The content as the old template drew it for the same request, from the model instances."""
    request = response.wsgi_request
    event = selectors.event_get(request.user, slug)
    materials = list(event.materials.all())
    nomination = event.registration_mode == RegistrationMode.NOMINATION
    context = {
        **event_context(request, event),
        "materials": materials if request.user.has_perm("events.manage_events") else [m for m in materials if m.public],
        "parties": selectors.parties_user_may_nominate_for(request.user) if nomination else [],
    }
    return engines["django"].from_string(OLD_CONTENT).render(context, request)


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("who", ["visitor", "contact point", "staff"])
def test_the_page_shows_what_the_template_showed(client, language, who):
    events = [related(make_event("full")), related(make_event("webinar", mode=RegistrationMode.OPEN)),
              make_event("bare", registration_deadline=timezone.localdate() - timezone.timedelta(days=1)),
              make_event("called-off", state=EventState.CANCELLED, mode=RegistrationMode.OPEN, venue="")]  # fmt: skip
    events[2].themes.clear()
    if who == "contact point":
        login(client, cast.contact_point("contact@ken.example", "KEN"))
    elif who == "staff":
        login(client, cast.staff("admin@secretariat.example"))
    client.cookies["django_language"] = language
    for event in events:
        response = client.get(event.get_absolute_url())
        assert response.status_code == 200
        assert normalised(old_content(response, event.slug)) in normalised(response.content.decode())


def test_the_relations_are_read_in_their_models_order(client):
    event = related(make_event("full"))

    found = selectors.event_relations(event, all_materials=False)

    assert found["organisers"] == [(o.slug, o.short_name, o.name) for o in event.organisers.all()]
    assert found["partners"] == [str(o) for o in event.partners.all()]
    assert found["themes"] == [t.name for t in event.themes.all()]
    assert found["decisions"] == [d.number for d in event.decisions.all()]
    assert found["regions"] == [r.name for r in event.eligible_regions.all()]
    assert [m["title"] for m in found["materials"]] == [m.title for m in event.materials.filter(public=True)]
    every = selectors.event_relations(event, all_materials=True)["materials"]
    assert [m["pk"] for m in every] == [m.pk for m in event.materials.all()]


def test_the_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    event = related(make_event("full"))
    client.get(event.get_absolute_url())

    with django_assert_max_num_queries(4):  # the event, its places, its relations, its materials
        assert client.get(event.get_absolute_url()).status_code == 200


def test_the_counts_are_the_registrations_by_state():
    event, other = make_event("counted", capacity=5), make_event("other")
    party, states = cast.party("KEN"), ["accepted", "accepted", "nominated", "waitlisted", "declined"]
    Registration.objects.bulk_create(
        Registration(event=e, party=party, name=f"P{i}", email=f"p{i}@ken.example", token=f"{e.slug}{i}", state=s)
        for e in (event, other) for i, s in enumerate(states[: 5 if e == event else 1])
    )  # fmt: skip

    counts = selectors.registration_counts(event)

    assert counts == {"accepted": 2, "nominated": 1, "waitlisted": 1, "declined": 1, "places_left": 3}
    assert selectors.registration_counts(other) == {"accepted": 1, "places_left": 9}
