"""The judge of the six-language crawl (tests/core/i18n_crawl.py) can fail: an unmarked string put into a page is
found, a marked one or data is not; an English string left on a French page is found; a marked string a
catalogue lacks is listed to translate."""

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy, ngettext, pgettext

from . import i18n_crawl

DATA = "Kenya\nUnited Nations Institute for Training and Research\nAmina Odhiambo"
PAGE = """<html lang="en"><head><title>{title}</title></head><body>
<nav aria-label="{nav}"><a href="/">{home}</a> · <a href="/parties/">Kenya (KEN)</a></nav>
<form><input type="submit" value="{send}"><input name="q" placeholder="{search}"></form>
<p>{injected}</p><p>12 · 2026-12-03 · SC-1/15 · amina@example.org · United Nations Institute for Training…</p>
<select><option lang="fr">Français</option></select><script>var x = "Not a text";</script>
</body></html>"""


def page(injected="", **strings):
    marked = {k: f"{i18n_crawl.OPEN}{v}{i18n_crawl.CLOSE}" for k, v in strings.items()}
    return PAGE.format(injected=injected, **marked)


STRINGS = {"title": "Parties · TA Hub", "nav": "Main", "home": "Home", "send": "Send", "search": "Search"}


def test_a_page_whose_strings_are_all_marked_has_nothing_unmarked():
    assert i18n_crawl.unmarked(page(**STRINGS), DATA) == []


def test_an_unmarked_string_injected_into_a_page_is_found():
    assert i18n_crawl.unmarked(page("Submit your request", **STRINGS), DATA) == ["Submit your request"]


def test_unmarked_strings_in_attributes_and_buttons_are_found():
    strings = {**STRINGS, "nav": "Main", "search": "Search"}
    body = page(**strings).replace(f'value="{i18n_crawl.OPEN}Send{i18n_crawl.CLOSE}"', 'value="Send"')
    body = body.replace(f'placeholder="{i18n_crawl.OPEN}Search{i18n_crawl.CLOSE}"', 'placeholder="Search"')
    assert i18n_crawl.unmarked(body, DATA) == ["Send", "Search"]


def test_data_around_and_inside_a_marked_string_is_not_reported():
    mark = f"{i18n_crawl.OPEN}Requests of %s{i18n_crawl.CLOSE}" % "Amina Odhiambo"
    assert i18n_crawl.unmarked(page(f"{mark}: Kenya, 3", **STRINGS), DATA) == []
    assert i18n_crawl.unmarked(page("Kenya: Needs", **STRINGS), DATA) == ["Needs"]


def test_marking_marks_what_goes_through_gettext_and_records_the_msgids():
    with translation.override("en"), i18n_crawl.marking() as marker:
        translation.activate("en")
        text = Template("{% load i18n %}{% translate 'Home' %} and plain").render(Context())
        lazy = str(gettext_lazy("Parties"))
        plural = ngettext("%(n)d request", "%(n)d requests", 2) % {"n": 2}
        contextual = pgettext("month name", "May")
    o, c = i18n_crawl.OPEN, i18n_crawl.CLOSE
    assert (text, lazy, plural, contextual) == (f"{o}Home{c} and plain", f"{o}Parties{c}", f"{o}2 requests{c}",
                                                f"{o}May{c}")  # fmt: skip
    assert {"Home", "Parties", ("%(n)d request", "%(n)d requests")} <= marker.seen
    assert gettext("Home") == "Home"  # after it, English is itself again


def test_an_english_string_left_on_a_french_page_is_found():
    translated = i18n_crawl.translated_msgids("fr")
    with translation.override("fr"):
        french = gettext("Sign in")
    assert translated["Sign in"] == french != "Sign in"
    body = f'<html lang="fr"><body><h1>{french}</h1><p>Sign in</p><p>Kenya</p></body></html>'
    assert i18n_crawl.untranslated(body, "fr", translated) == ["Sign in"]


def test_a_marked_string_no_catalogue_translates_is_listed_to_translate():
    seen = {"Parties", "A string no catalogue has, 2026", ("%(n)d thing nobody has", "%(n)d things nobody has")}
    assert i18n_crawl.to_translate(seen, "fr") == {"A string no catalogue has, 2026", "%(n)d thing nobody has"}


def test_a_marked_string_holding_a_link_is_marked_all_through():
    o, c = i18n_crawl.OPEN, i18n_crawl.CLOSE
    sentence = f'{o}You can <a href="/requests/new/">ask for assistance</a> on this site.{c}'
    assert i18n_crawl.unmarked(page(sentence, **STRINGS), DATA) == []
    assert i18n_crawl.unmarked(page('You can <a href="/">ask</a>', **STRINGS), DATA) == ["You can", "ask"]


def test_chart_labels_wrapped_across_lines_are_data_and_code_is_not_judged():
    body = page("<svg><text><tspan>United Nations Institute —</tspan><tspan>for Training</tspan></text></svg>"
                "<code>Authorization: Bearer</code> 14:10 UTC", **STRINGS)  # fmt: skip
    assert i18n_crawl.unmarked(body, DATA) == []


def test_codes_around_data_are_data():
    assert i18n_crawl.unmarked(page("SC-1/15 Kenya · GEN1-00013 Kenya · 14:10 UTC", **STRINGS), DATA) == []
    assert i18n_crawl.unmarked(page("SC-1/15 Needs of Kenya", **STRINGS), DATA) == ["15 Needs of Kenya"]
