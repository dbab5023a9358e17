"""Proposal and money pages: thin. Public list and page of published proposals, the concept note (XLSX, PDF),
the public contributions table per activity (CSV, XLSX); the Secretariat's pages to draft, edit, review and
publish proposals, and to record donors, pledges, commitments and receipts (under /staff/)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.accounts.rules import require
from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate
from tahub.core.workflow import Stale

from . import selectors, services
from .exporters import ConceptNoteExporter, ConceptNotePDF, ContributionsExporter, TrustFundsExporter
from .forms import (
    BudgetLineFormSet,
    CoFundingFormSet,
    DonorForm,
    EntryForm,
    PledgeForm,
    ProposalForm,
    VoidEntryForm,
    rows,
)
from .models import Donor

EDIT = "funding.change_proposal"
MONEY = "funding.change_pledge"


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


# --- the money ------------------------------------------------------------------------------------------------


def _contribution_filters(request):
    year = request.GET.get("biennium", "")
    return {
        "biennium": int(year) if year.isdigit() and len(year) == 4 else None,
        "trust_fund": request.GET.get("fund") or None,
    }


class ContributionsView(View):
    """The public table of contributions per activity, as the Secretariat publishes it."""

    def get(self, request):
        filters = _contribution_filters(request)
        page, query = paginate(request, selectors.activity_contributions(**filters))
        context = {"page": page, "activities": selectors.attach_donors(page.object_list), "query": query,
                   "funds": selectors.trust_fund_list(), "filters": filters}  # fmt: skip
        return render(request, "funding/contributions.html", context)


class ContributionsExportView(View):
    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        queryset = selectors.activity_contributions(**_contribution_filters(request))
        return ContributionsExporter(queryset).response(fmt)


class TrustFundsView(View):
    """The public money per trust fund, as the Secretariat publishes it."""

    def get(self, request):
        page, query = paginate(request, selectors.trust_funds_with_money())
        context = {"page": page, "funds": page.object_list, "query": query}
        return render(request, "funding/trust_funds.html", context)


class TrustFundsExportView(View):
    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        return TrustFundsExporter(selectors.trust_funds_with_money()).response(fmt)


class OurPledgesView(LoginRequiredMixin, View):
    """A donor organisation's members: its pledges, with what is committed, received and outstanding (the
    Secretariat sees every pledge here too)."""

    def get(self, request):
        require(request.user, "funding.view_pledge")
        page, query = paginate(request, selectors.pledges_visible_to(request.user))
        context = {"donors": selectors.donors_of(request.user), "page": page, "pledges": page.object_list,
                   "query": query}  # fmt: skip
        return render(request, "funding/our_pledges.html", context)


class MoneyView(LoginRequiredMixin, View):
    """Staff: the trust funds' totals and the pledges (all, or those not fully paid)."""

    def get(self, request):
        require(request.user, MONEY)
        unpaid = request.GET.get("unpaid") == "1"
        page, query = paginate(request, selectors.pledge_list(unpaid=unpaid))
        context = {"funds": selectors.trust_funds_with_money(), "page": page, "pledges": page.object_list,
                   "unpaid": unpaid, "query": query}  # fmt: skip
        return render(request, "funding/money.html", context)


class DonorsView(LoginRequiredMixin, View):
    """Staff: the donors, and the form to record one (or change one: ?donor=<pk>)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, MONEY)
        pk = kwargs.get("pk")
        self.donor = get_object_or_404(Donor, pk=pk) if pk else None
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        page, _query = paginate(request, selectors.donor_list())
        context = {"form": form, "page": page, "donors": page.object_list, "donor": self.donor}
        return render(request, "funding/donors.html", context, status=status)

    def get(self, request, pk=None):
        return self.render_form(request, DonorForm(instance=self.donor))

    def post(self, request, pk=None):
        form = DonorForm(request.POST, instance=self.donor)
        if form.is_valid():
            data = {name: form.cleaned_data[name] for name in form.Meta.fields}
            try:
                services.save_donor(by=request.user, data=data, donor=self.donor,
                                    seen_version=form.cleaned_data["version"])  # fmt: skip
            except Stale as stale:
                form.add_error(None, stale)  # the person's input stays on the page; nothing was saved
                return self.render_form(request, form, status=409)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Donor saved."))
                return redirect("funding_staff:donors")
        return self.render_form(request, form, status=400)


class PledgeCreateView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, MONEY)
        return render(request, "funding/pledge_form.html", {"form": PledgeForm()})

    def post(self, request):
        require(request.user, MONEY)
        form = PledgeForm(request.POST)
        if form.is_valid():
            try:
                pledge = services.record_pledge(by=request.user, data=form.service_data())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Pledge recorded."))
                return redirect("funding_staff:pledge", pk=pledge.pk)
        return render(request, "funding/pledge_form.html", {"form": form}, status=400)


class PledgeView(LoginRequiredMixin, View):
    """Staff: one pledge, its commitments and receipts; correct it (version-checked) or record a step."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, MONEY)
        self.pledge = selectors.pledge_get(kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, request, form=None, entry_form=None, status=200):
        p = self.pledge
        initial = {name: getattr(p, name) for name in PledgeForm.field_names} | {"version": p.version}
        context = {"pledge": p, "form": form or PledgeForm(initial=initial), "voided": selectors.voided_entries(p),
                   "entry_form": entry_form or EntryForm(prefix="entry", initial={"version": p.version})}  # fmt: skip
        return render(request, "funding/pledge_detail.html", context, status=status)

    def get(self, request, pk):
        return self.render_page(request)

    def post(self, request, pk):
        entry = "entry" in request.POST
        form = EntryForm(request.POST, prefix="entry") if entry else PledgeForm(request.POST)
        status = 400
        if form.is_valid():
            seen = form.cleaned_data["version"]
            try:
                if entry:
                    services.record_entry(self.pledge, by=request.user, data=form.service_data(), seen_version=seen)
                else:
                    services.update_pledge(self.pledge, by=request.user, data=form.service_data(), seen_version=seen)
            except Stale as stale:
                form.add_error(None, stale)
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Pledge saved."))
                return redirect("funding_staff:pledge", pk=pk)
        forms = {"entry_form": form} if entry else {"form": form}
        return self.render_page(request, status=status, **forms)


class EntryView(LoginRequiredMixin, View):
    """Staff: one commitment or receipt of a pledge; correct it, or void it with a reason (both checked against
    the pledge's version the person read; the history keeps what it was)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, MONEY)
        self.entry = selectors.entry_get(kwargs["pk"], kwargs["entry_pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_page(self, request, form=None, void_form=None, status=200):
        entry, version = self.entry, self.entry.pledge.version
        initial = {name: getattr(entry, name) for name in EntryForm.field_names} | {"version": version}
        context = {"entry": entry, "pledge": entry.pledge, "form": form or EntryForm(initial=initial),
                   "void_form": void_form or VoidEntryForm(prefix="void", initial={"version": version})}  # fmt: skip
        return render(request, "funding/entry_form.html", context, status=status)

    def get(self, request, pk, entry_pk):
        return self.render_page(request)

    def post(self, request, pk, entry_pk):
        void = "void" in request.POST
        form = VoidEntryForm(request.POST, prefix="void") if void else EntryForm(request.POST)
        status = 400
        if form.is_valid():
            seen = form.cleaned_data["version"]
            try:
                if void:
                    services.void_entry(self.entry, by=request.user, reason=form.cleaned_data["reason"],
                                        seen_version=seen)  # fmt: skip
                else:
                    services.correct_entry(self.entry, by=request.user, data=form.service_data(), seen_version=seen)
            except Stale as stale:
                form.add_error(None, stale)
                status = 409
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Commitment or receipt voided.") if void else _("Correction saved."))
                return redirect("funding_staff:pledge", pk=pk)
        return self.render_page(request, status=status, **({"void_form": form} if void else {"form": form}))
