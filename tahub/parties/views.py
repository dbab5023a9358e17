from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from tahub.centres import selectors as centre_selectors

from . import selectors
from .forms import PartyFilterForm


class PartyListView(PermissionRequiredMixin, ListView):
    """The Parties, filtered by region, eligibility and name, with how many there are in each class."""

    permission_required = "parties.view_party"
    template_name = "parties/party_list.html"
    context_object_name = "parties"

    def get_queryset(self):
        self.form = PartyFilterForm(self.request.GET or None)
        return selectors.party_list(**self.form.filters())

    def get_context_data(self, **kwargs):
        counts = selectors.party_counts_by_eligibility(self.object_list)
        return super().get_context_data(form=self.form, counts=counts, **kwargs)


class PartyDetailView(PermissionRequiredMixin, DetailView):
    """One Party: its region, eligibility and where it comes from, dates, and the regional centres near it."""

    permission_required = "parties.view_party"
    template_name = "parties/party_detail.html"
    context_object_name = "party"

    def get_object(self, queryset=None):
        # Read once: the permission check (object-level) and the page both ask for it.
        if not hasattr(self, "_object"):
            self._object = selectors.party_get(self.kwargs["iso3"])
        return self._object

    def get_context_data(self, **kwargs):
        from tahub.accounts import selectors as accounts

        centres = centre_selectors.centres_for_country(self.object.country)
        region_id = self.object.country.region_id
        focal_points = accounts.regional_focal_points_of(region_id) if region_id else []
        return super().get_context_data(centres=centres, focal_points=focal_points, **kwargs)
