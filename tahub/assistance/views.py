"""Pages for requests: thin. Each loads (selectors), checks access (rules), acts (services)."""

import secrets

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import LoginRequiredMixin, PermissionRequiredMixin

from tahub.accounts.rules import is_secretariat, require
from tahub.core.pagination import paginate
from tahub.core.workflow import Stale

from . import actions, selectors, service_levels, services, statistics
from .exporters import RequestExporter
from .forms import DeliveryCorrectionForm, DeliveryReportForm, ProgrammeActivityForm, QueueFilterForm, RequestForm


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
            region=filters["region"].code if filters.get("region") else None,
            theme=filters["theme"].slug if filters.get("theme") else None,
            assistance_type=filters["assistance_type"].slug if filters.get("assistance_type") else None,
            convention=filters.get("convention") or None,
            overdue=filters.get("overdue", False),
        )
        levels = service_levels.working_days()
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return RequestExporter(requests, levels).response(export)
        page, query = paginate(request, requests)
        rows = [(r, service_levels.status_for(r, levels=levels)) for r in page.object_list]
        return self.render_to_response(self.get_context_data(form=form, rows=rows, page=page, query=query))


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


class RequestDetailView(LoginRequiredMixin, View):
    def get(self, request, reference):
        ta_request = selectors.request_get(request.user, reference)
        return render(request, "assistance/request_detail.html", actions.detail_context(request, ta_request))


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


class StatisticsView(TemplateView):
    """Public, anonymised: requests by region, theme and status per year, and median days to decide and deliver."""

    template_name = "assistance/statistics.html"

    def get_context_data(self, **kwargs):
        data = statistics.cached_public_statistics()
        sections = [
            (_("Requests by region"), _("Region"), data["by_region"]),
            (_("Requests by theme"), _("Theme"), data["by_theme"]),
            (_("Requests by status"), _("Status"), data["by_status"]),
        ]
        return super().get_context_data(
            stats=data,
            cache_minutes=statistics.CACHE_MINUTES,
            sections=[
                {"title": title, "label": label, "rows": rows, "chart": statistics.chart(rows, title=title)}
                for title, label, rows in sections
            ],
            **kwargs,
        )


class DeliveryReportView(LoginRequiredMixin, View):
    """Providers (and staff) report what was delivered under an assignment of this request."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.ta_request = selectors.request_get(request.user, kwargs["reference"])
        require(request.user, "assistance.report_delivery", self.ta_request)
        self.assignments = selectors.assignments_reportable_by(request.user, self.ta_request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, reference):
        form = DeliveryReportForm(assignments=self.assignments, initial={"parties_benefited": [self.ta_request.party]})
        return render(request, "assistance/delivery_form.html", {"form": form, "ta_request": self.ta_request})

    def post(self, request, reference):
        form = DeliveryReportForm(request.POST, request.FILES, assignments=self.assignments)
        if form.is_valid():
            data = dict(form.cleaned_data)
            assignment = data.pop("assignment")
            try:
                services.report_delivery(assignment, by=request.user, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Delivery report saved."))
                return redirect(self.ta_request)
        return render(request, "assistance/delivery_form.html", {"form": form, "ta_request": self.ta_request})


class DeliveryCorrectionView(LoginRequiredMixin, View):
    """Staff correct a delivery report (dates, activities, Parties, evidence), saying what was wrong."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.ta_request = selectors.request_get(request.user, kwargs["reference"])
        require(request.user, "assistance.correct_delivery", self.ta_request)
        self.report = selectors.delivery_report_get(self.ta_request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request, form):
        context = {"form": form, "ta_request": self.ta_request, "report": self.report}
        return render(request, "assistance/delivery_correction.html", context)

    def get(self, request, reference, pk):
        initial = {
            "start": self.report.start,
            "end": self.report.end,
            "activities": self.report.activities,
            "parties_benefited": list(self.report.parties_benefited.all()),
        }
        return self._render(request, DeliveryCorrectionForm(initial=initial))

    def post(self, request, reference, pk):
        form = DeliveryCorrectionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.correct_delivery_report(self.report, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Delivery report corrected."))
                return redirect(self.ta_request)
        return self._render(request, form)
