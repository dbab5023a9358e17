"""Party lists sort by collation, not by bytes: Côte d'Ivoire comes before Czechia (issue 17.11), on the pages and
in the API, and in the same order on SQLite and PostgreSQL (a stored key of a–z and 0–9 only)."""

import pytest

from tahub.parties import selectors
from tahub.parties.models import Country, sort_name

pytestmark = pytest.mark.django_db


def test_the_sort_key_drops_accents_case_and_punctuation():
    assert sort_name("Côte d’Ivoire") == sort_name("Côte d'Ivoire") == "cotedivoire"
    assert sort_name("Türkiye") == "turkiye" and sort_name("Curaçao") == "curacao"
    assert sort_name("Côte d'Ivoire") < sort_name("Czechia") < sort_name("Denmark")


def test_every_party_list_follows_the_key_in_the_database():
    names = [p.country.name for p in selectors.party_list()]
    assert names == sorted(names, key=lambda name: (sort_name(name), name))
    assert names.index("Côte d’Ivoire") < names.index("Czechia") < names.index("Denmark")
    assert names.index("Türkiye") < names.index("Tuvalu")


def test_the_parties_page_and_the_api_put_cote_d_ivoire_before_czechia(client):
    html = client.get("/parties/").content.decode()
    assert html.index("Côte d’Ivoire") < html.index("Czechia")
    names = [item["name"] for item in client.get("/api/v1/parties", {"page_size": 100}).json()["items"]]
    assert names.index("Côte d’Ivoire") < names.index("Czechia")


def test_a_renamed_country_gets_its_new_key():
    country = Country.objects.get(iso3="CIV")
    country.name = "Ivory Coast"
    country.save(update_fields=["name"])
    assert Country.objects.get(iso3="CIV").sort_name == "ivorycoast"
