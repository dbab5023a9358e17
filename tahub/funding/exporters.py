"""The concept note of a proposal as a spreadsheet: its template's sections, then its budget with totals."""

from decimal import Decimal

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from tahub.core.exports import ListExporter
from tahub.core.pdf import new_document

from .selectors import attach_donors


class ConceptNoteExporter(ListExporter):
    identifier = "concept-note"

    def __init__(self, proposal):
        self.proposal = proposal
        self.filename = f"concept-note-{proposal.pk}"

    def header(self):
        return [_("Section"), _("Content"), _("Amount (%(currency)s)") % {"currency": self.proposal.currency}]

    def rows(self):
        p = self.proposal
        yield [_("Convention"), p.convention.code, None]
        yield [_("Title"), p.title, None]
        yield [_("Work programme activity #"), p.work_programme_activities, None]
        for activity in p.activities.all():
            yield [_("Programme activity"), f"{activity}: {activity.title}".rstrip(": "), None]
        for decision in p.decisions.all():
            yield [_("Legal basis/mandate"), str(decision), None]
        for paragraph in p.legal_basis.all():
            yield [_("Legal basis/mandate"), str(paragraph), None]
        yield [_("Legal basis: paragraphs"), p.legal_basis_notes, None]
        yield [_("Background information"), p.background, None]
        yield [_("Proposed activities to be funded"), p.proposed_activities, None]
        yield [_("Results to be achieved"), p.results, None]
        for line in p.budget_lines.all():
            yield [_("Budget component"), line.component, line.amount]
        yield [_("Total budget required"), "", p.total_budget]
        for pledge in p.co_funding.all():
            yield [_("Co-funding (pledged)"), pledge.donor, pledge.amount]
        if p.co_funding_recorded:
            yield [_("Co-funding (pledged)"), _("Pledges earmarked to this proposal in the trust fund's books"),
                   p.co_funding_recorded]  # fmt: skip
        yield [_("Total co-funding (pledged)"), "", p.co_funding_pledged]
        yield [_("Total funds to be raised for proposed activities"), "", p.funds_to_raise]
        fund = p.trust_fund.code if p.trust_fund else ""
        yield [_("COP-approved budget (%(fund)s trust fund)") % {"fund": fund}, "", p.approved_budget]


def _money(value):
    return "" if value is None else f"{Decimal(value):,.2f}"


class ConceptNotePDF:
    """The concept note as a PDF, section by section as on the template, the same rows as the XLSX.

    In the font of tahub.core.pdf: every character prints where the system has DejaVu Sans."""

    def __init__(self, proposal):
        self.proposal = proposal
        self.rows = list(ConceptNoteExporter(proposal).rows())

    def _pdf(self):
        pdf = new_document(title=self.proposal.title, format="A4")
        pdf.set_lang("en")
        self.font, self.text = pdf.body_font, pdf.printable
        pdf.set_auto_page_break(True, margin=15)
        pdf.add_page()
        return pdf

    def build(self):
        pdf = self._pdf()
        pdf.set_font(self.font, "B", 14)
        pdf.multi_cell(0, 7, self.text(self.proposal.title), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        last = None
        for section, content, amount in self.rows[1:]:
            if amount is None:
                if section != last:
                    pdf.set_font(self.font, "B", 10)
                    pdf.multi_cell(0, 6, self.text(section).upper(), new_x="LMARGIN", new_y="NEXT")
                pdf.set_font(self.font, "", 10)
                pdf.multi_cell(0, 5, self.text(content or "—"), new_x="LMARGIN", new_y="NEXT")
                pdf.ln(1)
            else:
                bold = "B" if not content else ""
                pdf.set_font(self.font, bold, 10)
                label = content or section
                pdf.multi_cell(140, 6, self.text(label), new_x="RIGHT", new_y="TOP")
                pdf.multi_cell(0, 6, _money(amount), align="R", new_x="LMARGIN", new_y="NEXT")
            last = section
        return bytes(pdf.output())

    def response(self):
        response = HttpResponse(self.build(), content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="concept-note-{self.proposal.pk}.pdf"'
        return response


class ContributionsExporter(ListExporter):
    """The public contributions table per activity, as on its page (every filtered row, streamed in CSV)."""

    identifier = "contributions"
    filename = "contributions-per-activity"

    def __init__(self, queryset):
        self.queryset = queryset

    def header(self):
        return [_("Biennium"), _("Activity #"), _("Description"), _("Trust fund"), _("Approved budget (USD)"),
                _("Pledged (USD)"), _("Committed (USD)"), _("Funding received (USD)"), _("Still to raise (USD)"),
                _("Donors"),
                _("Concept notes")]  # fmt: skip

    def rows(self):
        for chunk in _chunks(self.queryset, 500):
            for a in attach_donors(chunk):
                notes = " ".join(
                    settings.SITE_URL + reverse("funding:detail", args=[p.pk]) for p in a.published_proposals
                )
                yield [a.biennium.period, a.number, a.title,
                       a.trust_fund.code if a.trust_fund_id else "", a.approved_budget, _q(a.pledged_usd),
                       _q(a.committed_usd), _q(a.received_usd), _q(a.still_to_raise), "; ".join(a.donors),
                       notes]  # fmt: skip


class TrustFundsExporter(ListExporter):
    """The public money per trust fund, as on its page (USD)."""

    identifier = "trust-funds"
    filename = "money-per-trust-fund"

    def __init__(self, queryset):
        self.queryset = queryset

    def header(self):
        return [_("Trust fund"), _("Name"), _("Approved budget (USD)"), _("Pledged (USD)"), _("Committed (USD)"),
                _("Received (USD)"), _("Still to raise (USD)")]  # fmt: skip

    def rows(self):
        for chunk in _chunks(self.queryset, 500):
            for f in chunk:
                yield [f.code, f.name, _q(f.approved_budget), _q(f.pledged_usd), _q(f.committed_usd),
                       _q(f.received_usd), _q(f.still_to_raise)]  # fmt: skip


def _q(value):
    return None if value is None else Decimal(value).quantize(Decimal("0.01"))


def _chunks(queryset, size):
    """Pages of `size` rows (keyset-free slicing is fine here: the order is total, by biennium, number, pk)."""
    start = 0
    while True:
        chunk = list(queryset[start : start + size])
        if not chunk:
            return
        yield chunk
        start += size
