"""The six languages: every catalogue is complete and compiled, pages render in French, and a language not offered
changes nothing (tests/core/test_i18n_pages.py renders the key pages in each of the six)."""

import gettext
import html
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.utils import is_ignored_path
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext as gettext_

from tahub.env import env_bool

LOCALE = Path(settings.BASE_DIR) / "tahub" / "locale"
# Every shipped catalogue (the six UN languages but English): each must be complete, offered or not yet.
CATALOGUES = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))


def po_entries(path):
    """Parse a .po file into entries: {'flags': set, 'msgid': str, 'msgstr': [str, ...], 'line': int}.

    Enough of the gettext format for our own catalogue: comments, flags, msgctxt, msgid(_plural),
    msgstr and msgstr[n], each possibly continued on following quoted lines.
    """
    entries, entry, key = [], None, None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            entry, key = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgid": "", "msgstr": {}, "line": number}
            entries.append(entry)
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            _append(entry, key, line)
        else:
            key, _, rest = line.partition(" ")
            _append(entry, key, rest, start=True)
    return [e | {"msgstr": list(e["msgstr"].values())} for e in entries if "obsolete" not in e["flags"]]


def _append(entry, key, quoted, start=False):
    text = quoted[1:-1].encode("raw_unicode_escape").decode("unicode_escape") if quoted else ""
    if key.startswith("msgstr"):
        entry["msgstr"][key] = ("" if start else entry["msgstr"].get(key, "")) + text
    elif key in ("msgid", "msgid_plural", "msgctxt"):
        entry[key] = ("" if start else entry.get(key, "")) + text


def test_the_parser_sees_fuzzy_and_empty_entries(tmp_path):
    po = tmp_path / "django.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain\\n"\n\n#, fuzzy\nmsgid "Home"\nmsgstr "Accueil"\n\n'
        'msgid "Parties"\nmsgstr ""\n\nmsgid "one"\nmsgid_plural "many"\nmsgstr[0] "un"\nmsgstr[1] ""\n',
        encoding="utf-8",
    )
    entries = po_entries(po)
    assert [e["msgid"] for e in entries] == ["", "Home", "Parties", "one"]
    assert "fuzzy" in entries[1]["flags"]
    assert entries[2]["msgstr"] == [""]
    assert entries[3]["msgstr"] == ["un", ""]


def test_every_un_language_has_a_catalogue():
    assert {po.parent.parent.name for po in CATALOGUES} == {"fr", "es", "ar", "ru", "zh_Hans"}


@pytest.mark.parametrize("catalogue", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_every_catalogue_is_complete(catalogue):
    entries = [e for e in po_entries(catalogue) if e["msgid"]]
    assert len(entries) > 100
    fuzzy = [e["msgid"] for e in entries if "fuzzy" in e["flags"]]
    empty = [e["msgid"] for e in entries if not all(s.strip() for s in e["msgstr"])]
    assert fuzzy == []
    assert empty == []


# What `manage.py makemessages -l fr --ignore=.venv --ignore=staticfiles --ignore=var --ignore=bench` leaves out.
MAKEMESSAGES_IGNORE = [".venv", "staticfiles", "var", "bench"]
SOURCE_SUFFIXES = (".py", ".html", ".txt")  # makemessages' default extensions for the "django" domain


def _copy_translatable_sources(source, target):
    """Copy the files makemessages would read, without any locale folder, so it writes only into tmp_path."""
    patterns = [*MAKEMESSAGES_IGNORE, "CVS", ".*", "*~", "*.pyc", "__pycache__", "locale"]

    def ignored(folder, names):
        return [
            name
            for name in names
            if is_ignored_path(Path(folder, name), patterns)
            or (Path(folder, name).is_file() and not name.endswith(SOURCE_SUFFIXES))
        ]

    shutil.copytree(source, target, ignore=ignored)


def test_every_translatable_string_in_the_code_is_in_every_catalogue(tmp_path, monkeypatch):
    """makemessages, run on a copy of the sources, finds no msgid the committed catalogue lacks or leaves untranslated.

    The copy keeps makemessages' temporary files (templates become .py files beside them) out of the work tree.
    """
    if shutil.which("xgettext") is None:
        if env_bool("TAHUB_REQUIRE_BROWSER", False):
            pytest.fail("xgettext not found: CI installs GNU gettext (apt-get install gettext)")
        pytest.skip("GNU gettext is not installed (apt-get install gettext): cannot run makemessages")
    sources, locale = tmp_path / "src", tmp_path / "locale"
    _copy_translatable_sources(Path(settings.BASE_DIR), sources)
    monkeypatch.chdir(sources)
    with override_settings(LOCALE_PATHS=[locale]):
        call_command("makemessages", locale=["fr"], ignore_patterns=list(MAKEMESSAGES_IGNORE), verbosity=0)

    def key(entry):
        return entry.get("msgctxt"), entry["msgid"], entry.get("msgid_plural")

    in_code = [e for e in po_entries(locale / "fr" / "LC_MESSAGES" / "django.po") if e["msgid"]]
    assert len(in_code) > 100
    for catalogue in CATALOGUES:
        translated = {
            key(e)
            for e in po_entries(catalogue)
            if e["msgid"] and "fuzzy" not in e["flags"] and all(s.strip() for s in e["msgstr"])
        }
        missing = [e["msgid"] for e in in_code if key(e) not in translated]
        language = catalogue.parent.parent.name
        assert missing == [], (
            f"not translated in tahub/locale/{language}: run `manage.py makemessages -l {language} --ignore=.venv "
            f"--ignore=staticfiles --ignore=var --ignore=bench`, translate, then `manage.py compilemessages "
            f"--ignore=.venv`: {missing}"
        )


@pytest.mark.parametrize("source", CATALOGUES, ids=lambda po: po.parent.parent.name)
def test_the_compiled_catalogue_matches_its_source(source):
    """The .mo that Django reads says what the .po says (compilemessages was run after the last edit)."""
    with source.with_suffix(".mo").open("rb") as compiled:
        catalogue = gettext.GNUTranslations(compiled)
    for entry in po_entries(source):
        if not entry["msgid"] or entry.get("msgid_plural"):
            continue
        key = f"{entry['msgctxt']}\x04{entry['msgid']}" if entry.get("msgctxt") else entry["msgid"]
        assert catalogue.gettext(key) == entry["msgstr"][0], f"line {entry['line']}: run compilemessages"


def test_only_languages_with_a_catalogue_are_offered():
    offered = [code for code, _ in settings.LANGUAGES]
    assert offered[0] == settings.LANGUAGE_CODE == "en"
    for code in offered[1:]:  # "zh-hans" is in tahub/locale/zh_Hans
        assert (LOCALE / translation.to_locale(code) / "LC_MESSAGES" / "django.mo").exists(), code


def h1(response):
    return re.search(r"<h1>(.*?)</h1>", response.content.decode()).group(1)


@pytest.mark.django_db
def test_home_is_in_english_by_default(client):
    response = client.get("/")
    assert h1(response) == "Technical assistance under the Stockholm Convention"
    assert '<html lang="en"' in response.content.decode()


@pytest.mark.django_db
def test_home_is_in_french_for_a_french_browser(client):
    response = client.get("/", headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert h1(response) == "L’assistance technique au titre de la Convention de Stockholm"
    assert '<html lang="fr"' in response.content.decode()


@pytest.mark.django_db
def test_switching_to_french_sets_the_cookie_and_the_page_follows(client):
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "/parties/"})
    assert response.status_code == 302
    assert response.headers["Location"] == "/parties/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    assert h1(client.get("/parties/")) == "Parties à la Convention de Stockholm"


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["xx", "de", "zh_Hans", "", "fr<script>"])
def test_an_unknown_language_changes_nothing_and_says_so(client, code):
    response = client.post("/i18n/setlang/", {"language": code, "next": "/parties/"}, follow=True)
    assert settings.LANGUAGE_COOKIE_NAME not in client.cookies
    assert h1(response) == "Parties to the Stockholm Convention"
    body = response.content.decode()
    assert (
        "is not available. Choose one of: English, French, Spanish, Arabic, Simplified Chinese, Russian."
        in html.unescape(body)
    )
    assert "<script>" not in body


def _languages_in(code):
    with translation.override(code):
        return ", ".join(str(name) for _code, name in settings.LANGUAGES)


@pytest.mark.django_db
def test_an_unknown_language_keeps_french_for_a_french_reader(client):
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/"}, follow=True)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fr"
    body = html.unescape(response.content.decode())
    assert "n’est pas disponible" in body
    assert _languages_in("fr") in body  # the six, named in French
    assert _languages_in("fr") != _languages_in("en")


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["es", "ar", "zh-hans", "ru"])
def test_an_unknown_language_is_explained_in_the_readers_language(client, code):
    client.post("/i18n/setlang/", {"language": code, "next": "/"})
    response = client.post("/i18n/setlang/", {"language": "xx", "next": "/parties/"}, follow=True)
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == code
    body = html.unescape(response.content.decode())
    with translation.override(code):
        expected = gettext_("The language “%(code)s” is not available. Choose one of: %(names)s.") % {
            "code": "xx",
            "names": _languages_in(code),
        }
    assert expected in body
    assert "is not available" not in body


@pytest.mark.django_db
def test_the_language_switch_refuses_get_and_foreign_redirects(client):
    assert client.get("/i18n/setlang/", {"language": "fr"}).status_code == 405
    response = client.post("/i18n/setlang/", {"language": "fr", "next": "https://evil.example/"})
    assert response.headers["Location"] == "/"
