from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors


class DecisionListView(PermissionRequiredMixin, ListView):
    permission_required = "planning.view_decision"
    template_name = "planning/decision_list.html"
    context_object_name = "decisions"

    def get_queryset(self):
        return selectors.decision_list(topic=self.request.GET.get("topic") or None)


class DecisionDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "planning.view_decision"
    template_name = "planning/decision_detail.html"
    context_object_name = "decision"

    def get_object(self, queryset=None):
        return selectors.decision_get(self.kwargs["number"])
