"""People read names, not codes (issue 17.7): a regional centre's page names its sources ("Le Soir d'Algérie: …",
linked) instead of the data's keys ("lesoir-cntpp;elwatan-cntpp;brs-rc-archived"), from the same list as the plan
pages (tahub.core.sources)."""

import re

import pytest

from tahub.centres.models import RegionalCentre
from tahub.core.sources import SOURCES

pytestmark = pytest.mark.django_db


def _keys(text):
    return [part.strip() for part in text.split(";") if part.strip()]


def test_every_source_key_of_the_centres_data_has_a_name_and_an_address():
    keys = set()
    for text in RegionalCentre.objects.values_list("sources", flat=True):
        keys |= set(_keys(text))
    assert len(keys) >= 39 and keys <= set(SOURCES)
    for key in keys:
        name, url = SOURCES[key]
        assert str(name) != key and url.startswith("http")


def test_the_centre_page_names_and_links_its_sources_not_their_keys(client):
    centre = RegionalCentre.objects.get(code="scrc-algeria")
    html = client.get(centre.get_absolute_url()).content.decode()

    found = re.search(r"<dt>Sources</dt><dd>(.*?)</dd>", html, re.S).group(1).strip()
    assert found == (
        '<a href="https://djazairess.com/fr/lesoirdalgerie/199765">Le Soir d&#x27;Algérie: article on the CNTPP '
        'centre</a>; <a href="https://djazairess.com/fr/elwatan/1472967">El Watan: article on the CNTPP centre</a>; '
        '<a href="https://www.brsmeas.org/Implementation/TechnicalAssistance(archived)/RegionalCentres/tabid/2636/'
        'language/en-US/Default.aspx">BRS Secretariat: regional centres (archived page)</a>'
    )
    assert not any(key in html for key in _keys(centre.sources))


def test_a_centre_without_sources_shows_a_dash(client):
    centre = RegionalCentre.objects.get(code="scrc-algeria")
    RegionalCentre.objects.filter(pk=centre.pk).update(sources="")
    html = client.get(centre.get_absolute_url()).content.decode()

    assert re.search(r"<dt>Sources</dt><dd>(.*?)</dd>", html, re.S).group(1).strip() == "—"
