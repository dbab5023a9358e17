"""Proposal pages: thin. Public list and page of published proposals, and the concept note export;
the Secretariat's pages to draft, edit, review and publish (under /staff/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.accounts.rules import require
from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate

from . import selectors, services
from .exporters import ConceptNoteExporter
from .forms import BudgetLineFormSet, CoFundingFormSet, ProposalForm, rows

EDIT = "funding.change_proposal"


class ProposalListView(View):
    def get(self, request):
        page, query = paginate(request, selectors.proposal_list())
        return render(request, "funding/proposal_list.html", {"page": page, "proposals": page.object_list})


class ProposalView(View):
    def get(self, request, pk):
        proposal = selectors.proposal_get(pk, include_unpublished=request.user.is_staff)
        require(request.user, "funding.view_proposal", proposal)
        context = {"proposal": proposal, "may_change": request.user.has_perm("funding.change_proposal", proposal)}
        return render(request, "funding/proposal_detail.html", context)


class ConceptNoteView(View):
    def get(self, request, pk):
        proposal = selectors.proposal_get(pk, include_unpublished=request.user.is_staff)
        require(request.user, "funding.view_proposal", proposal)
        return ConceptNoteExporter(proposal).response("xlsx")


class StaffProposalListView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, EDIT)
        proposals = selectors.proposal_list(include_unpublished=True)
        return render(request, "funding/staff_list.html", {"proposals": proposals})


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
        if form.is_valid() and lines.is_valid() and pledges.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                if proposal is None:
                    proposal = services.draft_proposal(by=request.user, data=data, lines=rows(lines),
                                                       co_funding=rows(pledges))  # fmt: skip
                else:
                    services.update_proposal(proposal, by=request.user, data=data, lines=rows(lines),
                                             co_funding=rows(pledges))  # fmt: skip
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Proposal saved."))
                return redirect("funding:detail", pk=proposal.pk)
        return self.render_forms(request, forms, proposal, status=400)


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
