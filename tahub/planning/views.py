from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView, ListView
from rules.contrib.views import LoginRequiredMixin, PermissionRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate
from tahub.core.rules import require

from . import coverage, selectors, services
from .forms import ActivityFilterForm, ActivityForm, DecisionFilterForm

VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class DecisionListView(PermissionRequiredMixin, ListView):
    """Decisions of the Conference of the Parties, filtered by topic and meeting."""

    permission_required = "planning.view_decision"
    template_name = "planning/decision_list.html"
    context_object_name = "decisions"

    def get_queryset(self):
        self.form = DecisionFilterForm(self.request.GET or None)
        return selectors.decision_list(**self.form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class DecisionDetailView(PermissionRequiredMixin, DetailView):
    """One decision: its meeting, how far it is verified, its notes, its paragraphs, the endorsements citing it."""

    permission_required = "planning.view_decision"
    template_name = "planning/decision_detail.html"
    context_object_name = "decision"

    def get_object(self, queryset=None):
        # Read once: the permission check (object-level) and the page both ask for it.
        if not hasattr(self, "_object"):
            self._object = selectors.decision_get(self.kwargs["number"], with_paragraphs=True)
        return self._object

    def get_context_data(self, **kwargs):
        return super().get_context_data(may_change=self.request.user.has_perm(EDIT), **kwargs)


class PlanListView(View):
    def get(self, request):
        require(request.user, VIEW)
        context = {"plans": selectors.plan_list(), "may_change": request.user.has_perm(EDIT)}
        return render(request, "planning/plan_list.html", context)


class PlanView(View):
    def get(self, request, start_year):
        require(request.user, VIEW)
        plan = selectors.plan_get(start_year)
        context = {"plan": plan, "may_change": request.user.has_perm(EDIT)}
        return render(request, "planning/plan_detail.html", context)


class ActivityListView(View):
    """The programme of work, filtered by biennium, status, convention, objective or cited paragraph; 50 a page."""

    def get(self, request):
        require(request.user, VIEW)
        form = ActivityFilterForm(request.GET or None)
        page, query = paginate(request, selectors.activity_list(**form.filters()))
        context = {"form": form, "page": page, "activities": page.object_list, "query": query}
        return render(request, "planning/activity_list.html", context)


class ActivityView(View):
    def get(self, request, start_year, number):
        require(request.user, VIEW)
        activity = selectors.activity_get(start_year, number)
        context = {
            "activity": activity,
            "delivery": selectors.delivery_of(activity, request.user),
            "may_change": request.user.has_perm(EDIT),
        }
        return render(request, "planning/activity_detail.html", context)


class CoverageView(View):
    """For each paragraph that asks for technical assistance: what answers it, and what nothing answers."""

    def get(self, request):
        require(request.user, VIEW)
        paragraphs, kinds = coverage.coverage(request.user)
        context = {
            "paragraphs": paragraphs,
            "kinds": kinds,
            "unanswered": [p for p in paragraphs if not p.answered],
            "shown": coverage.SHOWN,
        }
        return render(request, "planning/coverage.html", context)


class ActivityFormView(LoginRequiredMixin, View):
    """Staff add or edit a programme activity (through the services, audited)."""

    activity = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        if "pk" in kwargs:
            self.activity = get_object_or_404(selectors.activity_list(), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = {"form": form, "activity": self.activity}
        return render(request, "planning/activity_form.html", context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(request, ActivityForm(instance=self.activity))

    def post(self, request, **kwargs):
        form = ActivityForm(request.POST, instance=self.activity)
        if form.is_valid():
            try:
                activity = self.save(request, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Activity saved."))
                return redirect(activity.get_absolute_url())
        return self.render_form(request, form, status=400)

    def save(self, request, form):
        data = form.data_for_service()
        if self.activity is None:
            return services.create_activity(by=request.user, data=data)
        version = form.cleaned_data.get("version")
        return services.update_activity(self.activity, by=request.user, data=data, version=version)
