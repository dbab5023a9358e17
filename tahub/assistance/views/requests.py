"""The lists of requests (a Party's "our requests", a provider's "assigned to us", the Secretariat's queue)
and a request's page: the moves taken on it, its programme activity, its attachments. Thin: each loads
(selectors), checks access (rules), acts (services)."""

from django.contrib import messages
from django.db.models import prefetch_related_objects
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import LoginRequiredMixin, PermissionRequiredMixin

from tahub.core.pagination import paginate
from tahub.core.rules import is_secretariat, require

from .. import actions, selectors, service_levels, services
from ..exporters import RequestExporter
from ..forms import ProgrammeActivityForm, QueueFilterForm


class MyRequestsView(LoginRequiredMixin, TemplateView):
    """A Party's "our requests", and a provider's "assigned to us"."""

    template_name = "assistance/my_requests.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        party_page, party_query = paginate(self.request, selectors.party_requests(user))
        assigned_page, assigned_query = paginate(self.request, selectors.assigned_requests(user), param="assigned")
        return super().get_context_data(
            party_page=party_page,
            party_query=party_query,
            party_requests=party_page.object_list,
            assigned_page=assigned_page,
            assigned_query=assigned_query,
            assigned_requests=assigned_page.object_list,
            parties=selectors.parties_user_may_file_for(user),
            # "Our requests" is for the people of a Party; staff file on a Party's behalf and work from the queue.
            acts_for_party=bool(selectors.party_ids_of(user)),
            **kwargs,
        )


class QueueView(PermissionRequiredMixin, TemplateView):
    """The Secretariat's queue: filters, age and overdue, and export of exactly what is filtered."""

    permission_required = "assistance.view_queue"
    template_name = "assistance/queue.html"

    def get(self, request, *args, **kwargs):
        form = QueueFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        requests = selectors.request_list(
            request.user,
            state=filters.get("state") or None,
            region=filters.get("region") or None,
            theme=filters.get("theme") or None,
            assistance_type=filters.get("assistance_type") or None,
            convention=filters.get("convention") or None,
            overdue=filters.get("overdue", False),
        )
        levels = service_levels.working_days()
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return RequestExporter(requests, levels).response(export)
        # The page shows a request's Party, region and owner only: without the export's themes, types,
        # chemicals, conventions and assignments (five queries, ~24,000 Python calls a page of 50; issue 13).
        page, query = paginate(request, requests.prefetch_related(None))
        rows = [(r, service_levels.status_for(r, levels=levels)) for r in page.object_list]
        return self.render_to_response(self.get_context_data(form=form, rows=rows, page=page, query=query))


def _instance(user):
    """The User behind request.user (a lazy object, possibly of a lazy object)."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


class RequestDetailView(LoginRequiredMixin, View):
    def get(self, request, reference):
        # The page asks "may this person edit, withdraw, close… it?" (rules.is_party_contact) and, of staff, "may
        # this person triage it?" (rules.is_triager) for several of its parts: one query for the person's
        # contact points and one for their staff roles, not one each time.
        lookups = ["contact_points", "staff_roles"] if is_secretariat(request.user) else ["contact_points"]
        prefetch_related_objects([_instance(request.user)], *lookups)
        ta_request = selectors.request_get(request.user, reference)
        return render(request, "assistance/request_detail.html", actions.detail_context(request, ta_request))


class RequestActionView(LoginRequiredMixin, View):
    """POST /requests/<ref>/<action>/: one move of the workflow, through its service. GET answers only for
    withdraw: its confirmation page (the move cannot be undone)."""

    def get(self, request, reference, action):
        if action != "withdraw":
            return HttpResponseNotAllowed(["POST"])
        ta_request = selectors.request_get(request.user, reference)
        return actions.confirm_withdraw(request, ta_request)

    def post(self, request, reference, action):
        ta_request = selectors.request_get(request.user, reference)
        return actions.perform(request, ta_request, action)


class ProgrammeActivityView(LoginRequiredMixin, View):
    """POST /requests/<ref>/programme-activity/: staff link the request to the programme activity it delivers."""

    def post(self, request, reference):
        ta_request = selectors.request_get(request.user, reference)
        require(request.user, "assistance.triage_request", ta_request)
        form = ProgrammeActivityForm(request.POST)
        if form.is_valid():
            activity = form.cleaned_data["programme_activity"]
            services.set_programme_activity(ta_request, by=request.user, activity=activity)
            messages.success(request, _("Programme of work activity saved."))
        else:
            messages.error(request, " ".join(form.errors["programme_activity"]))
        return redirect(ta_request)


class AttachmentView(LoginRequiredMixin, View):
    def get(self, request, reference, pk):
        ta_request = selectors.request_get(request.user, reference)
        return actions.attachment_response(ta_request, pk)
