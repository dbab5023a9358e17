"""Staff: one commitment or receipt of a pledge, corrected or voided with a reason."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require
from tahub.core.workflow import Stale

from .. import selectors, services
from ..forms import EntryForm, VoidEntryForm

MONEY = "funding.change_pledge"


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
