from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from tahub.directory.labels import language_names

from . import selectors
from .forms import CentreFilterForm


class CentreListView(PermissionRequiredMixin, ListView):
    """The regional and subregional centres, filtered by UN region."""

    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_list.html"
    context_object_name = "centres"

    def get_queryset(self):
        self.form = CentreFilterForm(self.request.GET or None)
        return selectors.centre_list(**self.form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class CentreDetailView(PermissionRequiredMixin, DetailView):
    """One centre: host, region, languages, endorsements, and the doubts about its data."""

    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_detail.html"
    context_object_name = "centre"

    def get_object(self, queryset=None):
        # Read once: the permission check (object-level) and the page both ask for it.
        if not hasattr(self, "_object"):
            self._object = selectors.centre_page(self.kwargs["code"])
        return self._object

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            languages=language_names(self.object.language_list),
            record=selectors.centre_record(self.object),
            may_report=self.request.user.has_perm("centres.report_activities", self.object),
            **kwargs,
        )
