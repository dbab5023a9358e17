"""The public statistics of requests."""

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from .. import statistics


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
