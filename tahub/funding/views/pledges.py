"""Pledge pages: a donor organisation's own pledges; the Secretariat's money (the trust funds' totals and the
pledges), recording a pledge, and one pledge with its commitments and receipts (under /staff/)."""

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
from ..forms import EntryForm, PledgeForm

MONEY = "funding.change_pledge"


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
