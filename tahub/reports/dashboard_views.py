"""The dashboards: thin views over reports.dashboard's reads."""

from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from . import dashboard, dashboard_rules  # noqa: F401 (registers the permissions)


class DashboardView(PermissionRequiredMixin, TemplateView):
    """The page a person lands on after signing in: what waits for them, each with its deadline."""

    permission_required = "reports.view_dashboard"
    template_name = "reports/dashboard.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(board=dashboard.waiting_for(self.request.user), **kwargs)


class ProgrammeOverviewView(PermissionRequiredMixin, TemplateView):
    """The Secretariat's overview of the programme."""

    permission_required = "reports.view_programme_overview"
    template_name = "reports/programme_overview.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(overview=dashboard.programme_overview(self.request.user), **kwargs)
