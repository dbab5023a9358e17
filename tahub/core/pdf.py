"""PDF documents (fpdf2): one way to start a document and to make text printable in its font.

DejaVu Sans when the system has it (Debian's fonts-dejavu-core): every Latin, Greek, Cyrillic and Arabic
character prints. Otherwise fpdf2's core Helvetica, which covers Latin-1 only: typographic dashes and quotes
become their plain forms and any other character a question mark, rather than failing the download.

Chinese: DejaVu has no CJK glyphs, so Noto Sans CJK SC (Debian's fonts-noto-cjk, installed by .ci/run and the
README's steps) is the fallback font for any character DejaVu lacks; without it the document still renders, the
missing glyphs left blank (fpdf2 logs them).

Arabic: text that needs it (`needs_shaping`: right-to-left letters or digits, combining marks) is shaped, with
fpdf2's text shaping and the uharfbuzz dependency (its wheels bundle HarfBuzz): letters take their joined,
contextual forms and right-to-left runs are laid out in visual order (fpdf2's bidi algorithm), a Chinese word in
them still drawn in the fallback font. Other text is not: shaped, fpdf2 draws each glyph on its own, which makes
a document about nine times larger and up to twice as slow to write, where those scripts would gain only kerning
and ligatures.

A document is in the language active when it is started (`new_document`, its /Lang): the reader's, or the one
asked for with `?lang=`. In a right-to-left language (Arabic) a shaped paragraph reads right to left, and text
that would start at the left margin starts at the right (`cell`/`multi_cell` alignment L and J become R; centred
and explicitly right-aligned text stays as it is), and a table row drawn with `row` puts its first column at the
right, the others to its left (the columns mirrored, each cell right-aligned). In the other languages a paragraph
takes the direction of its first letter, so an Arabic name in an English document still reads right to left.
"""

import unicodedata
from pathlib import Path

from django.utils import translation
from fpdf import FPDF
from fpdf.enums import Align

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_FONT_BOLD = CJK_FONT.with_name("NotoSansCJK-Bold.ttc")
CJK_SIMPLIFIED = 2  # the collection's faces: JP, KR, SC, TC, HK
PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})
STARTS_LEFT = (Align.L, Align.J)
RIGHT_TO_LEFT = {"R", "AL", "AN"}  # Unicode bidi classes: right-to-left letters, Arabic letters, Arabic digits


def latin1(value):
    """`value` as text the core fonts can print."""
    text = "" if value is None else str(value)
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def _unicode(value):
    return "" if value is None else str(value)


def needs_shaping(text):
    """Whether `text` prints right only shaped: it has right-to-left letters or digits (Arabic, Hebrew: joined
    forms, visual order) or combining marks (placed on their letter)."""
    return any(unicodedata.bidirectional(c) in RIGHT_TO_LEFT or unicodedata.combining(c) for c in text)


class Document(FPDF):
    """An FPDF that shapes the text that needs it (`shapes`: its font can be shaped) and knows whether it reads
    right to left (`rtl`): then text aligned to start at the left margin (L, or J, whose last line fpdf2 starts at
    the left) is aligned right instead."""

    rtl = False
    shapes = False

    def _shaping_for(self, text):
        wanted = self.shapes and needs_shaping(text or "")
        if wanted != bool(self.text_shaping):
            self.set_text_shaping(wanted, direction="rtl" if self.rtl else None)

    def _prepared(self, args, kwargs, align_at, default_align):
        """`args`/`kwargs` of cell or multi_cell (text third, align at `align_at`), shaping set for the text."""
        self._shaping_for(args[2] if len(args) > 2 else kwargs.get("text", ""))
        if not self.rtl:
            return args, kwargs
        if len(args) > align_at:
            args = list(args)
            args[align_at] = self._mirrored(args[align_at])
        else:
            kwargs["align"] = self._mirrored(kwargs.get("align", default_align))
        return args, kwargs

    def _mirrored(self, align):
        return Align.R if Align.coerce(align) in STARTS_LEFT else align

    def cell(self, *args, **kwargs):
        args, kwargs = self._prepared(args, kwargs, 5, Align.L)  # w, h, text, border, ln, align
        return super().cell(*args, **kwargs)

    def multi_cell(self, *args, **kwargs):
        args, kwargs = self._prepared(args, kwargs, 4, Align.J)  # w, h, text, border, align
        return super().multi_cell(*args, **kwargs)

    def row(self, widths, values, height, **cell):
        """One table row: a `cell` (with `cell`'s options, e.g. border) of each width for each value, in reading
        order: the first column at the left margin, or in a right-to-left document at the right one; then a new
        line."""
        cells = list(zip(widths, values, strict=False))
        if self.rtl:
            self.set_x(self.w - self.r_margin - sum(width for width, _value in cells))
        for width, value in reversed(cells) if self.rtl else cells:
            self.cell(width, height, value, **cell)
        self.ln(height)

    def get_string_width(self, s, *args, **kwargs):
        self._shaping_for(s)
        return super().get_string_width(s, *args, **kwargs)


def _add_fallbacks(pdf):
    if CJK_FONT.exists():
        pdf.add_font("CJK", "", str(CJK_FONT), collection_font_number=CJK_SIMPLIFIED)
        bold = CJK_FONT_BOLD if CJK_FONT_BOLD.exists() else CJK_FONT
        pdf.add_font("CJK", "B", str(bold), collection_font_number=CJK_SIMPLIFIED)
        pdf.set_fallback_fonts(["CJK"], exact_match=False)


def new_document(*, title, **options):
    """A Document (`options` as FPDF's: orientation, format) in the active language, whose `body_font` family has
    a regular and a bold style, and whose `printable(value)` makes a value printable in it."""
    pdf = Document(**options)
    language = translation.get_language() or "en"
    pdf.set_lang(language)
    if FONT.exists() and FONT_BOLD.exists():
        pdf.add_font("Body", "", str(FONT))
        pdf.add_font("Body", "B", str(FONT_BOLD))
        pdf.body_font, pdf.printable = "Body", _unicode
        _add_fallbacks(pdf)
        pdf.rtl, pdf.shapes = translation.get_language_bidi(), True
    else:
        pdf.body_font, pdf.printable = "Helvetica", latin1
    pdf.set_title(pdf.printable(title)[:200])
    return pdf
