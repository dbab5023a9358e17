"""PDF documents (fpdf2): one way to start a document and to make text printable in its font.

DejaVu Sans when the system has it (Debian's fonts-dejavu-core): every Latin, Greek and Cyrillic character
prints. Otherwise fpdf2's core Helvetica, which covers Latin-1 only: typographic dashes and quotes become their
plain forms and any other character a question mark, rather than failing the download.
"""

from pathlib import Path

from fpdf import FPDF

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = FONT.with_name("DejaVuSans-Bold.ttf")
PLAIN = str.maketrans({"–": "-", "—": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "…": "..."})


def latin1(value):
    """`value` as text the core fonts can print."""
    text = "" if value is None else str(value)
    return text.translate(PLAIN).encode("latin-1", "replace").decode("latin-1")


def _unicode(value):
    return "" if value is None else str(value)


def new_document(*, title, **options):
    """An FPDF (`options` as FPDF's: orientation, format) whose `body_font` family has a regular and a bold
    style, and whose `printable(value)` makes a value printable in it."""
    pdf = FPDF(**options)
    if FONT.exists() and FONT_BOLD.exists():
        pdf.add_font("Body", "", str(FONT))
        pdf.add_font("Body", "B", str(FONT_BOLD))
        pdf.body_font, pdf.printable = "Body", _unicode
    else:
        pdf.body_font, pdf.printable = "Helvetica", latin1
    pdf.set_title(pdf.printable(title)[:200])
    return pdf
