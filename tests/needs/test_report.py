"""The summary for the Conference of the Parties: XLSX and PDF from the command and the staff button, carrying
the same numbers as the gap analysis."""

import random
import re
import zlib

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from tahub.needs import analysis, exporters
from tests.accounts.cast import sign_in

from . import random_world as rw

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(cycle, questionnaire):
    parties = list(cycle.invited.select_related("country__region").order_by("country__iso3")[:25])
    old = rw.make_cycle(questionnaire, "needs-2020", rw.deadline(-900), parties)
    rw.answer_randomly(random.Random(1), old, parties)
    rw.answer_randomly(random.Random(2), cycle, parties)
    return analysis.CycleAnalysis(cycle, [old, cycle])


def pdf_text(data):
    """The text drawn in a PDF written by fpdf2: its content streams inflated, the strings of Tj operators."""
    chunks = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, flags=re.S):
        try:
            chunks.append(zlib.decompress(stream))
        except zlib.error:
            chunks.append(stream)
    return " ".join(s.decode("latin-1") for s in re.findall(rb"\((.*?)\)\s*Tj", b"\n".join(chunks)))


def test_the_command_writes_an_xlsx_with_a_sheet_per_table(answered, tmp_path):
    path = tmp_path / "summary.xlsx"
    call_command("needs_summary_report", answered.cycle.slug, "--format", "xlsx", "--output", str(path))

    book = load_workbook(path)
    assert book.sheetnames == ["Summary", *exporters.CYCLE_TABLES]
    gaps = list(book["gaps"].values)
    assert [(r[1], r[2], r[9]) for r in gaps[2:]] == [(g.theme_name, g.region, g.score) for g in answered.gaps]
    themes = list(book["themes"].values)[2:]
    assert [(r[0], r[1], r[2]) for r in themes] == [(n, t.high, t.medium) for n, t in answered.themes]
    summary = dict((row[0], row[1]) for row in book["Summary"].values if len(row) > 1)
    assert summary["Responses submitted"] == answered.respondents()
    assert summary["Compared with"] == "needs-2020"


def test_the_command_writes_a_pdf_with_the_tables_and_charts(answered, tmp_path):
    path = tmp_path / "summary.pdf"
    call_command("needs_summary_report", answered.cycle.slug, "--format", "pdf", "--output", str(path))

    data = path.read_bytes()
    text = pdf_text(data)
    assert data.startswith(b"%PDF-")
    assert "summary for the Conference of the Parties" in text
    top = answered.gaps[0]
    assert top.theme_name[:20] in text and str(top.score) in text
    assert f"Responses submitted: {answered.respondents()}" in text
    assert b"/Type /Page" in data


def test_an_unknown_cycle_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No cycle"):
        call_command("needs_summary_report", "nope", "--output", str(tmp_path / "x.xlsx"))


@pytest.mark.parametrize(("fmt", "kind"), [("xlsx", "spreadsheetml"), ("pdf", "pdf")])
def test_the_staff_button(client, answered, admin, contact_a, fmt, kind):
    url = reverse("needs_staff:report", args=[answered.cycle.slug, fmt])
    assert sign_in(client, contact_a).get(url).status_code == 403
    response = sign_in(client, admin, second_factor=True).get(url)
    assert response.status_code == 200
    assert kind in response["Content-Type"]
    assert client.get(reverse("needs_staff:report", args=[answered.cycle.slug, "doc"])).status_code == 404
