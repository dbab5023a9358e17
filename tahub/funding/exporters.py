"""The concept note of a proposal as a spreadsheet: its template's sections, then its budget with totals."""

from django.utils.translation import gettext as _

from tahub.core.exports import ListExporter


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
        for decision in p.decisions.all():
            yield [_("Legal basis/mandate"), str(decision), None]
        yield [_("Legal basis: paragraphs"), p.legal_basis_notes, None]
        yield [_("Background information"), p.background, None]
        yield [_("Proposed activities to be funded"), p.proposed_activities, None]
        yield [_("Results to be achieved"), p.results, None]
        for line in p.budget_lines.all():
            yield [_("Budget component"), line.component, line.amount]
        yield [_("Total budget required"), "", p.total_budget]
        for pledge in p.co_funding.all():
            yield [_("Co-funding (pledged)"), pledge.donor, pledge.amount]
        yield [_("Total co-funding (pledged)"), "", p.co_funding_pledged]
        yield [_("Total funds to be raised for proposed activities"), "", p.funds_to_raise]
        fund = p.trust_fund.code if p.trust_fund else ""
        yield [_("COP-approved budget (%(fund)s trust fund)") % {"fund": fund}, "", p.approved_budget]
