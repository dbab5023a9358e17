"""Proposal pages: the public list and page of published proposals and their concept note (XLSX, PDF); the
Secretariat's pages to draft, edit, review and publish them (under /staff/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate
from tahub.core.rules import require
from tahub.core.workflow import Stale

from .. import selectors, services
from ..exporters import ConceptNoteExporter, ConceptNotePDF
from ..forms import BudgetLineFormSet, CoFundingFormSet, ProposalForm, rows

EDIT = "funding.change_proposal"


class ProposalListView(View):
    def get(self, request):
        page, query = paginate(request, selectors.proposal_list())
        return render(request, "funding/proposal_list.html", {"page": page, "proposals": page.object_list})


class ProposalView(View):
    def get(self, request, pk):
        proposal = selectors.proposal_get(pk, user=request.user)
        require(request.user, "funding.view_proposal", proposal)
        context = {"proposal": proposal, "may_change": request.user.has_perm("funding.change_proposal", proposal)}
        return render(request, "funding/proposal_detail.html", context)


class ConceptNoteView(View):
    def get(self, request, pk):
        proposal = selectors.proposal_get(pk, user=request.user)
        require(request.user, "funding.view_proposal", proposal)
        return ConceptNoteExporter(proposal).response("xlsx")


class StaffProposalListView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, EDIT)
        proposals = selectors.proposal_list(include_unpublished=True)
        return render(request, "funding/staff_list.html", {"proposals": proposals})


def _show_row_errors(error, lines, pledges):
    """A service's refusal of the rows shown in their fieldset, next to the rows; what is left for the form."""
    if not hasattr(error, "error_dict"):
        return error
    formsets, rest = {"budget_lines": lines, "co_funding": pledges}, {}
    for field, messages_ in error.message_dict.items():
        if field in formsets:
            formsets[field]._non_form_errors = formsets[field].error_class(messages_)
        else:
            rest[field] = messages_
    return ValidationError(rest) if rest else None


class ProposalFormView(LoginRequiredMixin, View):
    """Draft or edit a proposal with its budget lines and co-funding (two formsets) on one page."""

    def forms(self, proposal=None, data=None):
        initial_lines = (
            [{"component": x.component, "amount": x.amount} for x in proposal.budget_lines.all()]
            if (proposal)
            else None
        )
        initial_pledges = (
            [{"donor_name": x.donor_name, "organisation": x.organisation, "amount": x.amount}
             for x in proposal.co_funding.all()] if proposal else None
        )  # fmt: skip
        return (
            ProposalForm(data, instance=proposal),
            BudgetLineFormSet(data, prefix="lines", initial=initial_lines),
            CoFundingFormSet(data, prefix="pledges", initial=initial_pledges),
        )

    def render_forms(self, request, forms, proposal=None, status=200):
        form, lines, pledges = forms
        context = {"form": form, "lines": lines, "pledges": pledges, "proposal": proposal}
        return render(request, "funding/proposal_form.html", context, status=status)

    def save(self, request, proposal=None):
        forms = self.forms(proposal, request.POST)
        form, lines, pledges = forms
        status = 400
        if form.is_valid() and lines.is_valid() and pledges.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                proposal = self.write(request, proposal, data, rows(lines), rows(pledges), form.cleaned_data["version"])
            except Stale as stale:
                form.add_error(None, stale)  # the person's input stays on the page; nothing was saved
                status = 409
            except ValidationError as error:
                rest = _show_row_errors(error, lines, pledges)
                if rest is not None:
                    add_service_errors(form, rest)
            else:
                messages.success(request, _("Proposal saved."))
                return redirect("funding:detail", pk=proposal.pk)
        return self.render_forms(request, forms, proposal, status=status)

    @staticmethod
    def write(request, proposal, data, lines, co_funding, seen_version):
        if proposal is None:
            return services.draft_proposal(by=request.user, data=data, lines=lines, co_funding=co_funding)
        return services.update_proposal(proposal, by=request.user, data=data, lines=lines, co_funding=co_funding,
                                        seen_version=seen_version)  # fmt: skip


class ProposalCreateView(ProposalFormView):
    def get(self, request):
        require(request.user, EDIT)
        return self.render_forms(request, self.forms())

    def post(self, request):
        require(request.user, EDIT)
        return self.save(request)


class ProposalEditView(ProposalFormView):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        self.proposal = selectors.proposal_get(kwargs["pk"], include_unpublished=True)
        if self.proposal.state != self.proposal.State.DRAFT:
            messages.error(request, services.NOT_A_DRAFT % {"state": self.proposal.get_state_display()})
            return redirect("funding:detail", pk=self.proposal.pk)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, pk):
        return self.render_forms(request, self.forms(self.proposal), self.proposal)

    def post(self, request, pk):
        return self.save(request, self.proposal)


class ProposalMoveView(LoginRequiredMixin, View):
    def post(self, request, pk, action):
        require(request.user, EDIT)
        proposal = selectors.proposal_get(pk, include_unpublished=True)
        try:
            services.move_proposal(proposal, by=request.user, action=action.replace("-", "_"))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Proposal moved on."))
        return redirect("funding:detail", pk=proposal.pk)


class ConceptNotePDFView(View):
    def get(self, request, pk):
        proposal = selectors.proposal_get(pk, user=request.user)
        require(request.user, "funding.view_proposal", proposal)
        return ConceptNotePDF(proposal).response()
