"""PDF documents in the six languages (core/pdf.py): Arabic shaped into its joined forms, right to left in visual
order and right-aligned in an Arabic document; Chinese drawn in the CJK fallback font, in a shaped paragraph too.

The drawn glyphs are read back from the PDF itself: each string's glyph codes, through the CIDToGIDMap, name a
glyph of the embedded DejaVu subset (fpdf2 keeps the glyph names), placed at the x of its Td/Tm operator."""

import io
import logging
import re

import pytest
from django.utils import translation
from fontTools.ttLib import TTFont

from tahub.core import pdf
from tests.needs.test_report import _objects, _unescape, pdf_text

pytestmark = pytest.mark.skipif(not pdf.FONT.exists(), reason="DejaVu Sans is not installed")

WELCOME = "مرحبا بكم"  # "welcome": two words, every joining form
# DejaVu's Arabic presentation forms, left to right as seen: بكم then مرحبا (right-to-left words and letters).
WELCOME_SEEN = [
    "uniFEE2",  # meem, final
    "uniFEDC",  # kaf, medial
    "uniFE91",  # beh, initial
    "space",
    "uniFE8E",  # alef, final
    "uniFE92",  # beh, medial
    "uniFEA3",  # hah, initial (reh does not join to the left)
    "uniFEAE",  # reh, final
    "uniFEE3",  # meem, initial
]
DRAWING = re.compile(
    rb"/(F\d+) [\d.]+ Tf|([\d.]+) [\d.]+ Td|1 0 0 1 ([\d.]+) [\d.]+ Tm|\(((?:\\.|[^\\)])*)\)\s*Tj", flags=re.S
)


def _document(language, text, **cell):
    with translation.override(language):
        document = pdf.new_document(title="Test")
    document.add_page()
    document.set_font(document.body_font, "", 12)
    document.multi_cell(0, 6, text, new_x="LMARGIN", new_y="NEXT", **cell)
    return document, bytes(document.output())


class Fallback(dict):
    def __missing__(self, code):
        return "fallback"


FALLBACK = Fallback()


def _glyph_names(objects, font_number):
    """{glyph code: glyph name} of an embedded TrueType (CIDFontType2) font."""
    descendant = objects[int(re.search(rb"/DescendantFonts \[(\d+) 0 R", objects[font_number]).group(1))]
    descriptor = objects[int(re.search(rb"/FontDescriptor (\d+) 0 R", descendant).group(1))]
    subset = TTFont(io.BytesIO(objects[int(re.search(rb"/FontFile2 (\d+) 0 R", descriptor).group(1))]))
    order = subset.getGlyphOrder()
    to_gid = objects[int(re.search(rb"/CIDToGIDMap (\d+) 0 R", descendant).group(1))]
    return {cid: order[int.from_bytes(to_gid[2 * cid : 2 * cid + 2])] for cid in range(len(to_gid) // 2)}


def drawn_glyphs(data):
    """[(x in points, glyph name)] of every glyph drawn, in the order drawn; a glyph of another font than DejaVu
    (the CJK fallback) is named "fallback"."""
    objects = _objects(data)
    fonts = {}
    for body in objects.values():
        for name, number in re.findall(rb"/(F\d+) (\d+) 0 R", body):
            font = objects.get(int(number), b"")
            if b"/DescendantFonts" in font:
                fonts[name] = _glyph_names(objects, int(number)) if b"DejaVuSans" in font else FALLBACK
    glyphs, names, x = [], None, None
    for body in objects.values():
        if b"BT" not in body or b"Tj" not in body:
            continue
        for font, moved_to, placed_at, literal in DRAWING.findall(body):
            if font:
                names = fonts.get(font)
            elif moved_to or placed_at:
                x = float(moved_to or placed_at)
            elif names is not None:
                raw = _unescape(literal)
                glyphs += [(x, names[int.from_bytes(raw[i : i + 2])]) for i in range(0, len(raw), 2)]
    return glyphs


def seen_left_to_right(data):
    return [name for _x, name in sorted(drawn_glyphs(data), key=lambda glyph: glyph[0])]


def test_arabic_letters_are_joined_and_read_right_to_left():
    _document_, data = _document("ar", WELCOME)

    assert seen_left_to_right(data) == WELCOME_SEEN


def test_an_arabic_name_in_an_english_document_is_shaped_too():
    _document_, data = _document("en", WELCOME)

    assert seen_left_to_right(data) == WELCOME_SEEN


def test_latin_words_in_an_arabic_paragraph_stay_left_to_right_in_their_place():
    _document_, data = _document("ar", "مرحبا TA Hub")

    # The paragraph reads right to left: "TA Hub" (its own letters left to right) comes after, to the left.
    assert seen_left_to_right(data) == ["T", "A", "space", "H", "u", "b", "space", *WELCOME_SEEN[4:]]


def _left_edge(document, data, text):
    return min(x for x, _name in drawn_glyphs(data)), document.get_string_width(text) * document.k


@pytest.mark.parametrize("align", [{}, {"align": "L"}, {"align": "J"}])
def test_an_arabic_document_aligns_its_paragraphs_right(align):
    document, data = _document("ar", WELCOME, **align)

    left, width = _left_edge(document, data, WELCOME)
    right_edge = (document.w - document.r_margin - document.c_margin) * document.k
    assert left + width == pytest.approx(right_edge, abs=0.1)


def test_an_arabic_document_keeps_centred_text_centred():
    document, data = _document("ar", WELCOME, align="C")

    left, width = _left_edge(document, data, WELCOME)
    assert left + width / 2 == pytest.approx(document.w / 2 * document.k, abs=0.1)


def test_an_english_document_starts_arabic_text_at_the_left():
    document, data = _document("en", WELCOME, align="L")

    left, _width = _left_edge(document, data, WELCOME)
    assert left == pytest.approx((document.l_margin + document.c_margin) * document.k, abs=0.1)


def test_an_arabic_cell_is_right_aligned_too():
    with translation.override("ar"):
        document = pdf.new_document(title="Test")
    document.add_page()
    document.set_font(document.body_font, "", 12)
    document.cell(80, 6, WELCOME)
    data = bytes(document.output())

    left, width = _left_edge(document, data, WELCOME)
    assert left + width == pytest.approx((document.l_margin + 80 - document.c_margin) * document.k, abs=0.1)


def test_the_document_says_its_language():
    _document_, data = _document("ar", WELCOME)

    assert b"/Lang (ar)" in data


@pytest.mark.skipif(not pdf.CJK_FONT.exists(), reason="Noto Sans CJK is not installed")
def test_chinese_is_drawn_in_the_cjk_fallback_font(caplog):
    chinese = "技术援助需求评估"
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        _document_, data = _document("zh-hans", f"{chinese} TA Hub")

    assert b"/BaseFont /MPDFAA+NotoSansCJKSC" in data
    assert chinese in pdf_text(data)
    assert [r.getMessage() for r in caplog.records if "missing" in r.getMessage()] == []


@pytest.mark.skipif(not pdf.CJK_FONT.exists(), reason="Noto Sans CJK is not installed")
def test_a_chinese_name_in_a_shaped_arabic_paragraph_is_drawn_in_the_cjk_font(caplog):
    with caplog.at_level(logging.WARNING, logger="fpdf"):
        _document_, data = _document("ar", f"{WELCOME} 王小明")

    assert "王小明" in pdf_text(data)
    assert seen_left_to_right(data) == ["fallback"] * 3 + ["space", *WELCOME_SEEN]  # the Chinese run to the left
    assert [r.getMessage() for r in caplog.records if "missing" in r.getMessage()] == []


def test_text_that_needs_no_shaping_is_drawn_a_line_at_a_time():
    # Shaped, fpdf2 draws each glyph with its own Tj: a document many times larger for nothing in these scripts.
    _document_, data = _document("en", "Persistent organic pollutants – Оценка")

    lines = [body for body in _objects(data).values() if b"BT" in body and b"Tj" in body]
    assert len(lines) == 1 and lines[0].count(b"Tj") == 1


COLUMNS = ["First", "Second", "Third"]


def _drawn_words(data):
    """[(x in points, word)] of each string drawn, left to right (a string is drawn at one x)."""
    words = {}
    for x, name in drawn_glyphs(data):
        words[x] = words.get(x, "") + name
    return sorted(words.items())


def _table_document(language, widths=(60, 30, 30)):
    with translation.override(language):
        document = pdf.new_document(title="Test")
    document.add_page()
    document.set_font(document.body_font, "", 10)
    document.row(widths, COLUMNS, 6, border=1)
    return document, bytes(document.output())


def test_an_arabic_table_row_puts_its_first_column_rightmost_and_right_aligned():
    document, data = _table_document("ar")

    words = _drawn_words(data)
    assert [word for _x, word in words] == ["Third", "Second", "First"]
    first_x = words[-1][0]
    width = document.get_string_width("First") * document.k
    right_margin_edge = (document.w - document.r_margin - document.c_margin) * document.k
    assert first_x + width == pytest.approx(right_margin_edge, abs=0.1)  # right-aligned at the right margin
    third_x, third = words[0][0], document.get_string_width("Third") * document.k
    assert third_x + third == pytest.approx((document.w - document.r_margin - 60 - 30 - document.c_margin)
                                            * document.k, abs=0.1)  # fmt: skip


def test_an_english_table_row_reads_left_to_right_from_the_left_margin():
    document, data = _table_document("en")

    words = _drawn_words(data)
    assert [word for _x, word in words] == COLUMNS
    assert words[0][0] == pytest.approx((document.l_margin + document.c_margin) * document.k, abs=0.1)


def test_the_cop_summarys_tables_are_mirrored_in_arabic():
    from tahub.needs import exporters, report

    header_only = exporters.Table("t", "T", COLUMNS, [])  # one row: the words of different rows share their x
    seen = {}
    for language in ("en", "ar"):
        with translation.override(language):
            document = pdf.new_document(title="Test")
        document.add_page()
        report._grid(document, header_only)
        seen[language] = [word for _x, word in _drawn_words(bytes(document.output()))]
    assert seen == {"en": COLUMNS, "ar": COLUMNS[::-1]}
