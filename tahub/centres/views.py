from django.views.generic import DetailView, ListView
from rules.contrib.views import PermissionRequiredMixin

from . import selectors


class CentreListView(PermissionRequiredMixin, ListView):
    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_list.html"
    context_object_name = "centres"

    def get_queryset(self):
        return selectors.centre_list(region=self.request.GET.get("region") or None)


class CentreDetailView(PermissionRequiredMixin, DetailView):
    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_detail.html"
    context_object_name = "centre"

    def get_object(self, queryset=None):
        return selectors.centre_get(self.kwargs["code"])
