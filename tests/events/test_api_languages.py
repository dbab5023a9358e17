"""The events API answers in the language asked for: `?lang=xx` (as downloads take it), else Accept-Language; an
event's title and description come in every language, and `title` in the one asked for, else English."""

import pytest
from django.conf import settings
from django.utils import translation

from tahub.events.api.events import NOT_FOUND

from .conftest import make_event

pytestmark = pytest.mark.django_db


def test_lang_chooses_the_language_of_the_titles_over_accept_language(client):
    make_event("one", title_es="Taller uno", title_ar="ورشة عمل")
    french = client.get("/api/v1/events?lang=fr", HTTP_ACCEPT_LANGUAGE="es")
    assert french["Content-Language"] == "fr"
    assert french.json()["items"][0]["title"] == "Atelier one"
    assert client.get("/api/v1/events?lang=ar").json()["items"][0]["title"] == "ورشة عمل"
    assert client.get("/api/v1/events", HTTP_ACCEPT_LANGUAGE="es").json()["items"][0]["title"] == "Taller uno"
    russian = client.get("/api/v1/events/one?lang=ru")  # no Russian title: the English one
    assert (russian["Content-Language"], russian.json()["title"]) == ("ru", "Workshop one")


def test_a_language_not_offered_is_ignored(client):
    make_event("one")
    response = client.get("/api/v1/events/one?lang=de", HTTP_ACCEPT_LANGUAGE="fr")
    assert (response["Content-Language"], response.json()["title"]) == ("fr", "Atelier one")
    assert client.get("/api/v1/events/one?lang=xx").json()["title"] == "Workshop one"


def test_lang_also_translates_the_error_messages(client):
    response = client.get("/api/v1/events/nope?lang=fr")
    with translation.override("fr"):
        french = str(NOT_FOUND)
    assert response.status_code == 404 and french != "No published event has this code."
    assert response.json()["detail"] == french


def test_the_calendar_feed_is_written_in_the_language_asked_for(client):
    make_event("one")
    french = client.get("/api/v1/events/calendar.ics?lang=fr")
    english = client.get("/api/v1/events/calendar.ics")
    assert b"SUMMARY:Atelier one" in french.content and b"SUMMARY:Workshop one" in english.content
    assert french["ETag"] != english["ETag"]  # a client polling in French never gets the English copy's 304


def test_the_feed_in_chinese_has_the_chinese_title(client):
    make_event("one", title_zh_hans="多氯联苯讲习班")
    feed = client.get("/api/v1/events/calendar.ics?lang=zh-hans").content.decode()
    one = client.get("/api/v1/events/one/event.ics", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "SUMMARY:多氯联苯讲习班" in feed and "SUMMARY:多氯联苯讲习班" in one  # not the English: "zh-hans", not "zh"


def test_an_event_has_its_title_and_description_in_every_language(client):
    make_event("one", description_zh_hans="多氯联苯管理")
    body = client.get("/api/v1/events/one").json()
    codes = [code.replace("-", "_") for code, _name in settings.LANGUAGES]
    assert [body[f"title_{code}"] for code in codes] == ["Workshop one", "Atelier one", "", "", "", ""]
    assert body["description_zh_hans"] == "多氯联苯管理" and body["description_ru"] == ""
    listed = client.get("/api/v1/events").json()["items"][0]
    assert {f"title_{code}" for code in codes} <= set(listed)
