"""PDF documents (fpdf2): one way to start a document and to make text printable in its font.

DejaVu Sans when the system has it (Debian's fonts-dejavu-core): every Latin, Greek and Cyrillic character
prints. Otherwise fpdf2's core Helvetica, which covers Latin-1 only: typographic dashes and quotes become their
plain forms and any other character a question mark, rather than failing the download.

Chinese: DejaVu has no CJK glyphs, so Noto Sans CJK SC (Debian's fonts-noto-cjk, installed by .ci/run and the
README's steps) is the fallback font for any character DejaVu lacks; without it the document still renders, the
missing glyphs left blank (fpdf2 logs them). Arabic: DejaVu Sans has the Arabic letters; fpdf2 joins them into
their contextual forms and lays out right-to-left runs (its bidi algorithm) only with text shaping, which needs
the uharfbuzz package: when it is installed every document is shaped, else Arabic prints as isolated letters in
logical order (readable letter by letter, not as words).
"""

from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
CJK_FONT_BOLD = CJK_FONT.with_name("NotoSansCJK-Bold.ttc")
CJK_SIMPLIFIED = 2  # the collection's faces: JP, KR, SC, TC, HK
PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


def latin1(value):
    """`value` as text the core fonts can print."""
    text = "" if value is None else str(value)
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def _unicode(value):
    return "" if value is None else str(value)


def can_shape():
    """Whether fpdf2 can shape text (Arabic joining, right-to-left runs): it needs uharfbuzz."""
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def _add_fallbacks(pdf):
    if CJK_FONT.exists():
        pdf.add_font("CJK", "", str(CJK_FONT), collection_font_number=CJK_SIMPLIFIED)
        bold = CJK_FONT_BOLD if CJK_FONT_BOLD.exists() else CJK_FONT
        pdf.add_font("CJK", "B", str(bold), collection_font_number=CJK_SIMPLIFIED)
        pdf.set_fallback_fonts(["CJK"], exact_match=False)
    if can_shape():
        pdf.set_text_shaping(True)


def new_document(*, title, **options):
    """An FPDF (`options` as FPDF's: orientation, format) whose `body_font` family has a regular and a bold
    style, and whose `printable(value)` makes a value printable in it."""
    pdf = FPDF(**options)
    if FONT.exists() and FONT_BOLD.exists():
        pdf.add_font("Body", "", str(FONT))
        pdf.add_font("Body", "B", str(FONT_BOLD))
        pdf.body_font, pdf.printable = "Body", _unicode
        _add_fallbacks(pdf)
    else:
        pdf.body_font, pdf.printable = "Helvetica", latin1
    pdf.set_title(pdf.printable(title)[:200])
    return pdf
