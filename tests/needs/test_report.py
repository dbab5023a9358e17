"""The summary for the Conference of the Parties: XLSX and PDF from the command and the staff button, carrying
the same numbers as the gap analysis."""

import random
import re
import zlib

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import load_workbook

from tahub.core import pdf
from tahub.needs import exporters, report
from tahub.needs.selectors import analysis
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


def _objects(data):
    """{object number: its body, a stream inflated}."""
    objects = {}
    for number, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, flags=re.S):
        stream = re.search(rb"stream\r?\n(.*?)\r?\nendstream", body, flags=re.S)
        if stream:
            try:
                body = zlib.decompress(stream.group(1))
            except zlib.error:
                body = stream.group(1)
        objects[int(number)] = body
    return objects


def _unicode_maps(objects):
    """{font resource name: {glyph code: character}} for the embedded fonts (their ToUnicode maps)."""
    maps = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            cmap = re.search(rb"/ToUnicode (\d+) 0 R", objects.get(int(number), b""))
            if cmap:
                pairs = re.findall(rb"<([0-9A-F]+)> <([0-9A-F]+)>", objects[int(cmap.group(1))])
                # A glyph may stand for several characters (a ligature, with text shaping): UTF-16BE hex.
                maps[name] = {int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be") for code, text in pairs}
    return maps


ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _unescape(literal):
    return re.sub(
        rb"\\([0-7]{1,3}|.)",
        lambda m: bytes([int(m.group(1), 8)]) if m.group(1)[:1].isdigit() else ESCAPES.get(m.group(1), m.group(1)),
        literal,
        flags=re.S,
    )


LITERAL = rb"\(((?:\\.|[^\\)])*)\)"


def _decoded(literal, font):
    raw = _unescape(literal)
    if font is None:
        return raw.decode("latin-1")
    return "".join(font.get(int.from_bytes(raw[i : i + 2]), "?") for i in range(0, len(raw), 2))


def pdf_text(data):
    """The text drawn in a PDF written by fpdf2, in the order drawn: the strings of its Tj operators (and of TJ
    arrays, for justified lines), read as Latin-1 in a core font, or as two-byte glyph codes through the
    ToUnicode map of an embedded font. The strings of one text object (BT ... ET: a line, which text shaping
    draws in several strings, its spaces drawn as glyphs) are joined as they are, text objects with a space."""
    objects = _objects(data)
    maps, texts, font = _unicode_maps(objects), [], None
    operators = rb"/(F\d+) [\d.]+ Tf|" + LITERAL + rb"\s*Tj|\[((?:" + LITERAL + rb"|[^\]])*)\]\s*TJ"
    for body in objects.values():
        for block in re.findall(rb"\bBT\b(.*?)\bET\b", body, flags=re.S):
            line = []
            for selected, literal, array, _piece in re.findall(operators, block, flags=re.S):
                if selected:
                    font = maps.get(selected)
                elif array:
                    line.append("".join(_decoded(piece, font) for piece in re.findall(LITERAL, array, flags=re.S)))
                else:
                    line.append(_decoded(literal, font))
            if line:
                texts.append("".join(line))
    return " ".join(texts)


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


@pytest.mark.skipif(not pdf.FONT.exists(), reason="DejaVu Sans is not installed")
def test_the_pdf_prints_names_beyond_latin_1_in_the_documents_font(answered):
    answered.cycle.title = "Оценка потребностей 2026 – Łódź"

    data = report.build_pdf(answered)

    assert b"/BaseFont /" in data and b"DejaVuSans" in data
    assert "Cycle: Оценка потребностей 2026 – Łódź" in pdf_text(data)


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
