"""Each of the six languages, chosen with the language switch: the key public pages announce it (`lang`, `dir`)
and their heading is the catalogue's translation (read with gettext, so a catalogue update does not break it)."""

import html
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext

from tahub.core import i18n

# The page, and the English of its h1 (the msgid its template translates).
PAGES = {
    "/": "Technical assistance under the Stockholm Convention",
    "/parties/": "Parties to the Stockholm Convention",
    "/directory/": "Partners and providers of technical assistance",
}
LANGUAGES = [code for code, _name in settings.LANGUAGES]
RIGHT_TO_LEFT = {"ar"}


def opening_html_tag(body):
    return re.search(r"<html[^>]*>", body).group(0)


def h1(body):
    return re.search(r"<h1>(.*?)</h1>", body, re.S).group(1).strip()


def test_the_six_languages_of_the_united_nations_are_offered():
    assert LANGUAGES == ["en", "fr", "es", "ar", "zh-hans", "ru"]


@pytest.mark.django_db
@pytest.mark.parametrize("code", LANGUAGES)
def test_key_public_pages_render_in_each_language(client, code):
    response = client.post("/i18n/setlang/", {"language": code, "next": "/"})
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == code
    direction = "rtl" if code in RIGHT_TO_LEFT else "ltr"
    for url, english in PAGES.items():
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert opening_html_tag(body) == f'<html lang="{code}" dir="{direction}">', url
        with translation.override(code):
            expected = gettext(english)
        assert code == "en" or expected != english, f"{english!r} has no {code} translation"
        assert html.unescape(h1(body)) == expected, url
        assert response.headers["Content-Language"] == code
        # the switch shows the language in use, named in itself
        assert re.search(rf'<option value="{code}" lang="{code}" selected>', body), url


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["ar", "zh-hans"])
def test_a_browser_asking_for_a_language_gets_it_without_the_switch(client, code):
    accept = {"ar": "ar-EG,ar;q=0.9", "zh-hans": "zh-CN,zh;q=0.9"}[code]
    body = client.get("/parties/", headers={"accept-language": accept}).content.decode()
    assert opening_html_tag(body).startswith(f'<html lang="{code}"')
    with translation.override(code):
        assert html.unescape(h1(body)) == gettext("Parties to the Stockholm Convention")


@pytest.mark.parametrize(
    ("code", "expected"),
    [("zh_Hans", "zh-hans"), ("ZH-HANS", "zh-hans"), (" ar ", "ar"), ("es", "es"), ("de", ""), ("", ""), (None, "")],
)
def test_a_language_code_is_read_as_the_offered_code_it_names(code, expected):
    assert i18n.offered(code) == expected


@pytest.mark.parametrize(("asked", "expected"), [("ru", "ru"), ("zh_Hans", "zh-hans"), ("xx", "fr"), ("", "fr")])
def test_a_download_is_in_the_language_asked_else_the_pages(rf, asked, expected):
    with translation.override("fr"):
        assert i18n.requested_language(rf.get("/needs/x/workbook.xlsx", {"lang": asked})) == expected


def test_only_arabic_is_right_to_left():
    assert [code for code in LANGUAGES if i18n.is_right_to_left(code)] == ["ar"]
