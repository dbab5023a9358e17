"""Content in several languages (issue 14.3): a column per language, read in the reader's language, else
English, else any other; staff edit the languages side by side and see what is missing."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from tahub.directory import selectors as directory_selectors
from tahub.directory.models import Organisation
from tahub.events.models import Event
from tahub.planning.models import Decision
from tests.accounts import cast
from tests.events.conftest import login, make_event
from tests.events.test_editing import form_data

pytestmark = pytest.mark.django_db


def _title_in(language, **texts):
    with translation.override(language):
        return Event(**texts).title


def test_the_reader_s_language_first():
    assert _title_in("fr", title_en="Workshop", title_fr="Atelier", title_es="Taller") == "Atelier"


def test_english_when_the_reader_s_language_is_missing():
    assert _title_in("fr", title_en="Workshop", title_fr="", title_es="Taller") == "Workshop"


def test_any_other_language_when_english_is_missing_too():
    assert _title_in("fr", title_en="", title_fr="", title_es="Taller") == "Taller"
    assert _title_in("ru", title_ar="ورشة") == "ورشة"


def test_today_s_text_is_the_english_one_after_the_migration():
    decision = Decision.objects.get(number="SC-1/15")
    assert decision.title_en != "" and decision.title_es in ("", None)
    with translation.override("es"):
        assert Decision.objects.get(number="SC-1/15").title == decision.title_en


def test_values_and_values_list_read_the_reader_s_language():
    Decision.objects.filter(number="SC-1/15").update(title_fr="Titre français")
    with translation.override("fr"):
        row = list(Decision.objects.filter(number__in=["SC-1/15", "SC-1/16"]).values("number", "title"))
        titles = dict(Decision.objects.filter(number__in=["SC-1/15", "SC-1/16"]).values_list("number", "title"))
    english = Decision.objects.get(number="SC-1/16").title_en
    assert {r["number"]: r["title"] for r in row} == {"SC-1/15": "Titre français", "SC-1/16": english}
    assert titles == {"SC-1/15": "Titre français", "SC-1/16": english}


def test_a_french_page_shows_the_french_event_title(client):
    make_event("bilingue", title_en="Contaminated sites", title_fr="Sites contaminés")
    french = client.get("/events/bilingue/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    spanish = client.get("/events/bilingue/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Sites contaminés" in french
    assert "Contaminated sites" in spanish and "Sites contaminés" not in spanish


def test_the_api_answers_in_the_language_asked_for(client):
    make_event("bilingue", title_en="Contaminated sites", title_fr="Sites contaminés", title_es="")
    detail = client.get("/api/v1/events/bilingue", HTTP_ACCEPT_LANGUAGE="fr").json()
    listed = client.get("/api/v1/events", HTTP_ACCEPT_LANGUAGE="es").json()["items"]
    assert (detail["title"], detail["title_en"], detail["title_fr"]) == (
        "Sites contaminés",
        "Contaminated sites",
        "Sites contaminés",
    )
    assert [e["title"] for e in listed if e["slug"] == "bilingue"] == ["Contaminated sites"]


def test_the_staff_form_saves_two_languages_and_requires_english(client):
    administrator = cast.staff("admin@secretariat.example")
    login(client, administrator)
    page = client.get("/staff/events/new/").content.decode()
    assert 'for="id_title_zh_hans"' in page and "Title (Simplified Chinese)" in page
    missing = client.post("/staff/events/new/", form_data(title_en=""))
    assert missing.status_code == 422 and "title_en" in missing.context["form"].errors
    data = form_data(title_en="Contaminated sites", title_fr="", title_es="Sitios contaminados")
    assert client.post("/staff/events/new/", data).status_code == 302
    event = Event.objects.get(slug="pops-sites-briefing")
    assert (event.title_en, event.title_es, event.title_fr) == ("Contaminated sites", "Sitios contaminados", "")


def test_the_french_staff_page_writes_english_into_english(client):
    """A staff page read in French edits each language's own column: the English title stays English."""
    administrator = cast.staff("admin@secretariat.example")
    login(client, administrator)
    client.cookies["django_language"] = "fr"
    assert client.post("/staff/events/new/", form_data(title_en="Sites", title_fr="Sites FR")).status_code == 302
    event = Event.objects.get(slug="pops-sites-briefing")
    assert (event.title_en, event.title_fr) == ("Sites", "Sites FR")


def test_a_search_finds_a_description_in_another_language():
    Organisation.objects.filter(slug="unep").update(summary_fr="Programme pour l'environnement, unique-mot-xyz")
    with translation.override("en"):
        found = [row["slug"] for row in directory_selectors.organisation_rows(search="unique-mot-xyz")]
    assert found == ["unep"]


def _missing_page(client):
    return client.get(reverse("missing_translations"))


def test_the_missing_translations_page_lists_what_lacks_a_language(client):
    make_event("complete", **{f"title_{c}": "T" for c in ("en", "fr", "es", "ar", "ru", "zh_hans")},
               **{f"description_{c}": "D" for c in ("en", "fr", "es", "ar", "ru", "zh_hans")})  # fmt: skip
    make_event("french-missing", title_en="Only English", title_fr="", description_en="")
    login(client, cast.staff("admin@secretariat.example"))
    response = _missing_page(client)
    events = next(kind for kind in response.context["kinds"] if kind["label"] == "Events")
    slugs = [row["object"].slug for row in events["rows"]]
    assert "french-missing" in slugs and "complete" not in slugs
    row = events["rows"][slugs.index("french-missing")]
    assert row["url"] == "/staff/events/french-missing/edit/"
    assert [str(name) for name in row["missing"][0][1]] == [
        "French", "Spanish", "Arabic", "Simplified Chinese", "Russian"
    ]  # fmt: skip
    assert "/staff/events/french-missing/edit/" in response.content.decode()


def test_the_missing_translations_page_costs_the_same_for_3_and_30_items(client):
    login(client, cast.staff("admin@secretariat.example"))
    for number in range(3):
        make_event(f"few-{number}", title_fr="")
    with CaptureQueriesContext(connection) as few:
        assert _missing_page(client).status_code == 200
    for number in range(27):
        make_event(f"many-{number}", title_fr="")
    with CaptureQueriesContext(connection) as many:
        assert _missing_page(client).status_code == 200
    assert len(many) == len(few)


def test_the_staff_navigation_links_the_missing_translations():
    from django.test import RequestFactory

    from tahub.reports.navigation import _work

    request = RequestFactory().get("/")
    request.user = cast.staff("admin@secretariat.example")
    assert reverse("missing_translations") in [item["url"] for item in _work(request)]
