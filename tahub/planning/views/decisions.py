"""The decisions of the Conferences of the Parties: the list, filtered by topic and meeting, and one decision."""

from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from .. import selectors
from ..forms import DecisionFilterForm

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
