"""What the request page offers each person, and how a posted action reaches its service."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.core.forms import add_service_errors
from tahub.core.workflow import Stale

from . import matching, routing, selectors, service_levels, services
from .forms import (
    ActionForm,
    AssignForm,
    CloseForm,
    DeclineForm,
    InformationForm,
    ProgrammeActivityForm,
    ProviderSearchForm,
    provider_label,
)
from .models import Attachment, State

# States in which staff are choosing providers, so the page suggests some.
SUGGEST_IN = (State.UNDER_REVIEW, State.ACCEPTED, State.ASSIGNED)


@dataclass(frozen=True)
class Action:
    """How the page and the API offer one move: its form, its label and its service. Who may take it, and from
    which states, is the model's transitions' own declaration (models.TARequest)."""

    form: type
    label: str
    service: Callable  # called as service(request, by=user, **form.cleaned_data)
    transitions: tuple  # the model transitions it takes (one permission for all of them)

    def require(self, user, ta_request):
        """Refuse (PermissionDenied with the reason) unless the transition lets `user` take it on `ta_request`."""
        workflow.require_transition(user, ta_request, self.transitions[0])


ACTIONS = {
    "submit": Action(
        ActionForm, gettext_lazy("Submit to the Secretariat"), services.submit_request, ("submit", "resubmit")
    ),
    "start-review": Action(
        ActionForm, gettext_lazy("Acknowledge and start the review"), services.start_review, ("start_review",)
    ),
    "ask-information": Action(
        InformationForm,
        gettext_lazy("Ask the Party for more information"),
        services.ask_information,
        ("ask_information",),
    ),
    "accept": Action(ActionForm, gettext_lazy("Accept"), services.accept_request, ("accept",)),
    "decline": Action(DeclineForm, gettext_lazy("Decline, with the reason"), services.decline_request, ("decline",)),
    "assign": Action(AssignForm, gettext_lazy("Assign providers"), services.assign_providers, ("assign",)),
    "start-delivery": Action(ActionForm, gettext_lazy("Start delivery"), services.start_delivery, ("start_delivery",)),
    "delivered": Action(ActionForm, gettext_lazy("Mark as delivered"), services.mark_delivered, ("mark_delivered",)),
    "close": Action(CloseForm, gettext_lazy("Close with our feedback"), services.close_request, ("close",)),
    "withdraw": Action(ActionForm, gettext_lazy("Withdraw the request"), services.withdraw_request, ("withdraw",)),
}


def available(user, ta_request):
    """The actions this person may take now: the transitions the state allows and that let this person take them."""
    possible = {t.name for t in ta_request.get_available_user_state_transitions(user)}
    return [name for name, action in ACTIONS.items() if possible.intersection(action.transitions)]


# Offered apart from the others: irreversible (withdraw: a confirmation page first), or with its own
# section (assign: the suggestions and the provider search).
APART = ("withdraw", "assign")


def detail_context(request, ta_request, failed=None):
    """The request page: the request, its clock, its history, and a form for each action offered."""
    forms = {}
    offered = available(request.user, ta_request)
    for name in offered:
        initial = {"seen_state": ta_request.state}
        forms[name] = failed[1] if failed and failed[0] == name else ACTIONS[name].form(initial=initial)
    triager = request.user.has_perm("assistance.triage_request", ta_request)
    suggestions = matching.suggest_providers(ta_request) if triager and ta_request.state in SUGGEST_IN else []
    context = {
        "ta_request": ta_request,
        "suggestions": suggestions,
        "status": service_levels.status_for(ta_request),
        "actions": [(name, ACTIONS[name].label, form) for name, form in forms.items() if name not in APART],
        "history": selectors.request_timeline(ta_request),
        "may_edit": request.user.has_perm("assistance.change_request", ta_request),
        "may_report": request.user.has_perm("assistance.report_delivery", ta_request),
        "may_correct": request.user.has_perm("assistance.correct_delivery", ta_request),
        "may_withdraw": "withdraw" in offered,
        "may_see_history": request.user.has_perm("core.view_history"),
        "activity_form": ProgrammeActivityForm(
            initial={"programme_activity": ProgrammeActivityForm.reference(ta_request.programme_activity)}
        )
        if triager
        else None,
    }
    if "assign" in offered:
        context.update(_assign_context(request, ta_request, forms["assign"], suggestions))
    return context


def _assign_context(request, ta_request, form, suggestions):
    """The assign section: one button per suggestion, a search by name or country, the warnings before."""
    search = ProviderSearchForm(request.GET or None)
    query = search.cleaned_data["provider"] if search.is_valid() else ""
    found = selectors.provider_search(query)
    chosen = {str(pk) for pk in form["organisations"].value() or []} if form.is_bound else set()
    warnings = routing.fit_warnings(ta_request, [s.organisation for s in suggestions] + found)
    assigned = {a.organisation_id for a in ta_request.assignments.all()}
    return {
        "assign_form": form,
        "assign_label": ACTIONS["assign"].label,
        "search_form": search,
        "search_query": query,
        "suggested": [
            (s, provider_label(s.organisation), warnings.get(s.organisation.pk), s.organisation.pk in assigned)
            for s in suggestions
        ],
        "found": [
            (org, provider_label(org), warnings.get(org.pk), org.pk in assigned, str(org.pk) in chosen) for org in found
        ],
    }


def perform(request, ta_request, action_name):
    """Run one action; on refusal, show the page again with the reason next to the form. Withdrawing asks
    for confirmation first (a page of its own: no JavaScript needed)."""
    if action_name not in ACTIONS:
        raise Http404
    action = ACTIONS[action_name]
    action.require(request.user, ta_request)
    if action_name == "withdraw" and request.POST.get("confirm") != "yes":
        return confirm_withdraw(request, ta_request)
    form = action.form(request.POST)
    if form.is_valid():
        try:
            action.service(ta_request, by=request.user, **form.cleaned_data)
        except Stale as stale:
            (messages.info if stale.mine else messages.error)(request, stale.messages[0])
            return redirect(ta_request)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Done: the request is now “%s”.") % _state_label(ta_request))
            return redirect(ta_request)
    if action_name == "withdraw":
        return confirm_withdraw(request, ta_request, form=form, status=400)
    context = detail_context(request, ta_request, failed=(action_name, form))
    return render(request, "assistance/request_detail.html", context, status=400)


def confirm_withdraw(request, ta_request, *, form=None, status=200):
    """The confirmation page of a withdrawal: what it means, a red button that withdraws, a way back."""
    ACTIONS["withdraw"].require(request.user, ta_request)
    form = form or ActionForm(initial={"seen_state": ta_request.state})
    context = {"ta_request": ta_request, "form": form}
    return render(request, "assistance/confirm_withdraw.html", context, status=status)


def _state_label(ta_request):
    ta_request.refresh_from_db(fields=["state"])
    return ta_request.get_state_display()


def save_attachment(ta_request, form, *, by):
    upload = form.cleaned_data.get("attachment")
    if upload:
        services.add_attachment(ta_request, by=by, upload=upload)


def attachment_response(ta_request, pk):
    attachment = Attachment.objects.filter(request=ta_request, pk=pk).first()
    if attachment is None:
        raise Http404
    return FileResponse(attachment.file.open("rb"), as_attachment=True, filename=str(attachment))
