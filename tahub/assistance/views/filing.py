"""Filing a request: a new draft (once per form), and editing it from the version read."""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.rules import is_secretariat, require
from tahub.core.workflow import Stale

from .. import actions, selectors, services
from ..forms import RequestForm


def _party_for_new_request(request):
    iso3 = request.GET.get("party") or request.POST.get("party")
    parties = selectors.parties_user_may_file_for(request.user)
    if iso3:
        party = parties.filter(country__iso3=iso3.upper()).first()
        if party is None:
            raise Http404
        return party
    if len(parties) == 1:
        return parties[0]
    return None


class RequestCreateView(LoginRequiredMixin, View):
    """A new draft. The form carries a one-time token: sent twice (a double click, "resend"), it creates one
    draft, and the second post lands on it."""

    template_name = "assistance/request_form.html"

    def get(self, request):
        party = _party_for_new_request(request)
        if party is None:
            return render(
                request, "assistance/choose_party.html", {"parties": selectors.parties_user_may_file_for(request.user)}
            )
        require(request.user, "assistance.file_request", party)
        form = RequestForm(initial={"creation_token": secrets.token_urlsafe(32)})
        return render(
            request, self.template_name, {"form": form, "party": party, "eligibility_error": _eligibility_error(party)}
        )

    def post(self, request):
        party = _party_for_new_request(request)
        if party is None:  # no Party chosen (or none to choose from): ask which, as the form's page does
            parties = selectors.parties_user_may_file_for(request.user)
            return render(request, "assistance/choose_party.html", {"parties": parties}, status=400)
        require(request.user, "assistance.file_request", party)
        already = services.request_created_with(request.user, request.POST.get("creation_token"))
        if already is not None:
            return self._sent_again(request, already)
        form = RequestForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                ta_request, created = services.create_request_once(
                    creation_token=form.cleaned_data["creation_token"] or None,
                    party=party,
                    by=request.user,
                    data=_form_data(form),
                    received_by_letter=is_secretariat(request.user),
                )
                if not created:
                    return self._sent_again(request, ta_request)
                actions.save_attachment(ta_request, form, by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Draft saved. You can come back to it, then submit it."))
                return redirect(ta_request)
        return render(
            request, self.template_name, {"form": form, "party": party, "eligibility_error": _eligibility_error(party)}
        )

    def _sent_again(self, request, ta_request):
        messages.info(request, _("This form was already sent: here is the draft it created."))
        return redirect(ta_request)


def _eligibility_error(party):
    try:
        services.check_eligible(party)
    except ValidationError as error:
        return error.messages[0]
    return None


def _form_data(form):
    hidden = ("seen_state", "version", "creation_token", "attachment")
    return {k: v for k, v in form.cleaned_data.items() if k not in hidden}


class RequestEditView(LoginRequiredMixin, View):
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.ta_request = selectors.request_get(request.user, kwargs["reference"])
        require(request.user, "assistance.change_request", self.ta_request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, reference):
        initial = {"seen_state": self.ta_request.state, "version": self.ta_request.version}
        form = RequestForm(instance=self.ta_request, initial=initial)
        return render(
            request,
            "assistance/request_form.html",
            {"form": form, "party": self.ta_request.party, "ta_request": self.ta_request},
        )

    def post(self, request, reference):
        form = RequestForm(request.POST, request.FILES, instance=selectors.request_get(request.user, reference))
        if form.is_valid():
            try:
                services.update_draft(
                    self.ta_request,
                    by=request.user,
                    data=_form_data(form),
                    seen_state=form.cleaned_data["seen_state"] or None,
                    version=form.cleaned_data["version"],
                )
                actions.save_attachment(self.ta_request, form, by=request.user)
            except Stale as stale:
                form = self._stale(request, stale)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect(self.ta_request)
        return render(
            request,
            "assistance/request_form.html",
            {"form": form, "party": self.ta_request.party, "ta_request": self.ta_request},
        )

    def _stale(self, request, stale):
        """The form again with the person's changes and the refusal; its hidden state and version are now the
        request's, so saving again (having looked) replaces what is there."""
        current = selectors.request_get(request.user, self.kwargs["reference"])
        data = request.POST.copy()
        data["seen_state"], data["version"] = current.state, current.version
        form = RequestForm(data, instance=current)
        form.is_valid()
        form.add_error(None, stale.messages[0])
        return form
