"""The questionnaire workbook and the summary for the Conference of the Parties can be produced in any of the six
languages (issue 14.4): `?lang=xx` on the download. Each produced file is opened and its headings read: they are
the catalogue's translation in that language (read with gettext, so a catalogue update does not break the test,
but a language whose catalogue lacks the heading does)."""

import io
import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext, trans_real
from openpyxl import load_workbook

from tests.accounts.cast import sign_in

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _name in settings.LANGUAGES]
SUMMARY_HEADING = "Needs assessment: summary for the Conference of the Parties"


def in_language(code, english):
    """`english` in language `code`, which its catalogues must translate ("Instructions" is French too)."""
    assert code == "en" or english in trans_real.translation(code)._catalog, f"{english!r} has no {code} translation"
    with translation.override(code):
        return gettext(english)


def test_the_workbook_is_produced_in_each_language_asked(client, cycle, contact_a):
    sign_in(client, contact_a)
    url = reverse("needs:workbook", args=[cycle.slug, "needs", "parties", "KEN"])
    for code in LANGUAGES:
        reply = client.get(url, {"lang": code})
        assert reply.status_code == 200, code
        book = load_workbook(io.BytesIO(reply.content))
        instructions = in_language(code, "Instructions")[:31]
        assert instructions in book.sheetnames, code
        about = [row[0] for row in book[instructions].iter_rows(values_only=True)]
        assert in_language(code, "Lists: separate the codes with “;”. Formulas are not accepted.") in about, code
        header = [cell.value for cell in book.worksheets[1][1]][:4]
        assert header == [in_language(code, e) for e in ("Question code", "Year", "Source", "Question")], code


def test_a_contact_point_whose_language_is_spanish_downloads_the_workbook_in_spanish(client, cycle, contact_a):
    """Their account's language, not the browser's: no `?lang=`, an English Accept-Language."""
    contact_a.language = "es"
    contact_a.save(update_fields=["language"])
    sign_in(client, contact_a)
    url = reverse("needs:workbook", args=[cycle.slug, "needs", "parties", "KEN"])
    book = load_workbook(io.BytesIO(client.get(url, headers={"accept-language": "en"}).content))
    assert book.sheetnames[0] == in_language("es", "Instructions")[:31] != "Instructions"


def test_the_workbook_in_another_language_keeps_its_sheet_and_question_codes(client, cycle, contact_a):
    """Only what a person reads changes with the language: the codes an upload is checked against do not."""
    sign_in(client, contact_a)
    url = reverse("needs:workbook", args=[cycle.slug, "needs", "parties", "KEN"])
    books = {code: load_workbook(io.BytesIO(client.get(url, {"lang": code}).content)) for code in ("en", "ar")}
    sections = {code: [name for name in book.sheetnames if name != in_language(code, "Instructions")[:31]]
                for code, book in books.items()}  # fmt: skip
    assert sections["en"] == sections["ar"]
    codes = {code: [row[0] for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
             for code, book in books.items()}  # fmt: skip
    assert codes["en"] == codes["ar"] and codes["en"]


def test_the_cop_summary_is_produced_in_each_language_asked(client, cycle, admin):
    sign_in(client, admin, second_factor=True)
    xlsx = reverse("needs_staff:report", args=[cycle.slug, "xlsx"])
    pdf = reverse("needs_staff:report", args=[cycle.slug, "pdf"])
    for code in LANGUAGES:
        reply = client.get(xlsx, {"lang": code})
        assert reply.status_code == 200, code
        book = load_workbook(io.BytesIO(reply.content))
        summary = in_language(code, "Summary")[:31]
        assert book.sheetnames[0] == summary, code
        rows = [row for row in book[summary].iter_rows(values_only=True)]
        assert rows[0][0] == in_language(code, SUMMARY_HEADING), code
        labels = [row[0] for row in rows]
        assert in_language(code, "Responses submitted") in labels, code
        document = client.get(pdf, {"lang": code})
        assert document.status_code == 200, code
        assert re.search(rb"/Lang \(([^)]*)\)", document.content).group(1).decode() == code


def test_a_language_not_offered_gives_the_pages_language(client, cycle, admin):
    sign_in(client, admin, second_factor=True)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    reply = client.get(reverse("needs_staff:report", args=[cycle.slug, "xlsx"]), {"lang": "de"})
    assert load_workbook(io.BytesIO(reply.content)).sheetnames[0] == in_language("es", "Summary")[:31]
