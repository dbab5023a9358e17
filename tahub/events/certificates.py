"""Certificates of participation as PDF (fpdf2): for participants recorded as attending, only."""

from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.translation import gettext as _

from tahub.core.pdf import new_document

from .feedback import NOT_ATTENDEE


def certificate_pdf(registration):
    """The certificate as PDF bytes; PermissionDenied unless the participant attended."""
    if not registration.attended:
        raise PermissionDenied(NOT_ATTENDEE)
    event = registration.event
    zone = event.zone
    dates = f"{event.start.astimezone(zone):%d %B %Y} - {event.end.astimezone(zone):%d %B %Y}"
    if event.starts_on == event.ends_on:
        dates = f"{event.start.astimezone(zone):%d %B %Y}"
    with translation.override(translation.get_language() or "en"):
        lines = [
            (24, "B", _("Certificate of participation")),
            (12, "", _("This is to certify that")),
            (20, "B", registration.name),
            (12, "", (_("of %(party)s") % {"party": registration.party}) if registration.party_id else ""),
            (12, "", _("attended the %(kind)s") % {"kind": event.get_kind_display().lower()}),
            (16, "B", event.title),
            (12, "", f"{dates} ({event.get_mode_display()}{', ' + event.venue if event.venue else ''})"),
        ]
    pdf = new_document(title=event.title, orientation="landscape", format="A4")
    pdf.add_page()
    pdf.ln(25)
    for size, style, text in lines:
        pdf.set_font(pdf.body_font, style, size)
        pdf.multi_cell(0, size * 0.7, pdf.printable(text), align="C", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    pdf.set_font(pdf.body_font, "", 9)
    pdf.ln(10)
    pdf.cell(0, 6, pdf.printable(_("Verification code: %(code)s") % {"code": registration.token[:12]}), align="C")
    return bytes(pdf.output())
