from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors
from .forms import PartyFilterForm


class PartyListView(PermissionRequiredMixin, ListView):
    permission_required = "parties.view_party"
    template_name = "parties/party_list.html"
    context_object_name = "parties"

    def get_queryset(self):
        self.form = PartyFilterForm(self.request.GET or None)
        filters = self.form.cleaned_data if self.form.is_valid() else {}
        region = filters.get("region")
        return selectors.party_list(
            region=region.code if region else None,
            eligibility=filters.get("eligibility") or None,
            search=filters.get("q") or None,
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class PartyDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "parties.view_party"
    template_name = "parties/party_detail.html"
    context_object_name = "party"

    def get_object(self, queryset=None):
        return selectors.party_get(self.kwargs["iso3"])
