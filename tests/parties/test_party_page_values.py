"""A Party's page reads its regional centres and whom to contact as values, each one query compiled once per
process (`centres.selectors.centres_near`, `accounts.selectors.regional_focal_points_of`, issue 13): the same
HTML as the partial read from the model instances before, in three languages, with names in each language and
focal points with and without a name."""

import pytest
from django.template import engines
from django.test import Client
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext as _

from tahub.accounts.models import StaffRole
from tahub.centres import selectors
from tahub.centres.models import RegionalCentre
from tahub.parties.models import Country, Eligibility
from tests.accounts import cast

pytestmark = pytest.mark.django_db

# The regional centres' section before issue 13 (centres/partials/party_centres.html), from the model instances.
OLD_CENTRES = (
    '{% load i18n %}<h2>{% translate "Regional centres" %}</h2>\n'
    '<ul>\n'
    '{% for centre in centres %}<li><a href="{{ centre.get_absolute_url }}">{{ centre.name }}</a> ({% if centre.host_country_id == party.country_id %}{% translate "hosted by this Party" %}{% else %}{% blocktranslate with country=centre.host_country.name %}in the same region, hosted by {{ country }}{% endblocktranslate %}{% endif %})</li>\n'  # noqa: E501
    '{% empty %}<li>{% translate "No regional centre is hosted by this Party or serves its region." %}</li>{% endfor %}\n'  # noqa: E501
    '</ul>\n'
)  # fmt: skip


@pytest.fixture
def focal_points():
    named = cast.staff("amina@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    named.name = "Amina <Diallo>"
    named.save()
    unnamed = cast.staff("b.o@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    cast.staff("hidden@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    StaffRole.objects.filter(user__in=[named, unnamed]).update(show_on_contact_page=True)
    return named, unnamed


@pytest.fixture
def names_in_french():
    """One centre near Kenya named in French, one with its French name left blank (English is read)."""
    centres = list(RegionalCentre.objects.filter(region__code="AFR").order_by("name_en")[:2])
    RegionalCentre.objects.filter(pk=centres[0].pk).update(name_fr="Centre régional « francophone » & co")
    RegionalCentre.objects.filter(pk=centres[1].pk).update(name_fr="")
    return centres


def old_centres(party, language):
    with translation.override(language):
        centres = selectors.centres_for_country(party.country).prefetch_related(None)
        return engines["django"].from_string(OLD_CENTRES).render({"party": party, "centres": centres})


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
@pytest.mark.parametrize("iso3", ["KEN", "BRA", "NIU"])
def test_the_centres_are_what_the_partial_showed(client, language, iso3, names_in_french):
    client.cookies["django_language"] = language
    page = client.get(f"/parties/{iso3}/").content.decode()
    assert old_centres(cast.party(iso3), language) in page


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_french_name_or_else_the_english_one(client, language, names_in_french):
    client.cookies["django_language"] = language
    page = client.get("/parties/KEN/").content.decode()
    french = "Centre régional « francophone » &amp; co"
    assert (french in page) == (language == "fr")
    assert names_in_french[1].name_en in page


def test_whom_to_contact_names_the_shown_focal_points(client, focal_points):
    page = client.get("/parties/KEN/").content.decode()
    expected = (  # by name, then e-mail address: no name first
        ' b.o@secretariat.example (<a href="mailto:b.o@secretariat.example">b.o@secretariat.example</a>),'
        ' Amina &lt;Diallo&gt; (<a href="mailto:amina@secretariat.example">amina@secretariat.example</a>)\n'
    )
    assert expected in page
    assert "hidden@secretariat.example" not in page
    assert "amina@secretariat.example" not in Client().get("/parties/BRA/").content.decode()


@pytest.mark.parametrize("iso3", ["KEN", "NIU"])
def test_the_page_costs_three_queries(client, focal_points, django_assert_max_num_queries, iso3):
    client.get(f"/parties/{iso3}/")
    with django_assert_max_num_queries(3):  # the Party, its centres, its region's focal points
        assert client.get(f"/parties/{iso3}/").status_code == 200


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_the_choices_labels_are_the_fields_displays(client, language):
    Country.objects.filter(iso3="KEN").update(eligibility_override=Eligibility.TRANSITION)
    Country.objects.filter(iso3="BRA").update(eligibility_class="")
    client.cookies["django_language"] = language
    for iso3 in ("KEN", "BRA", "NIU"):
        page, party = client.get(f"/parties/{iso3}/").content.decode(), cast.party(iso3)
        with translation.override(language):
            country = party.country
            shown = [
                f"<dd>{escape(party.get_action_display())} (",
                f"<dd>{escape(country.get_eligibility_class_display() or '—')}</dd>",
                f"<dd>{escape(country.get_eligibility_override_display() or _('No override'))}</dd>",
            ]
        for html in shown:
            assert html in page
