"""The public statistics of requests."""

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from tahub.core.fragments import fragment

from .. import statistics


def statistics_context(data):
    """What the page's content (assistance/_statistics.html) shows of the statistics: the figures, a chart and a
    table per section."""
    sections = [
        (_("Requests by region"), _("Region"), data["by_region"]),
        (_("Requests by theme"), _("Theme"), data["by_theme"]),
        (_("Requests by status"), _("Status"), data["by_status"]),
    ]
    return {
        "stats": data,
        "cache_minutes": statistics.CACHE_MINUTES,
        "sections": [
            {"title": title, "label": label, "rows": rows, "chart": statistics.chart(rows, title=title)}
            for title, label, rows in sections
        ],
    }


class StatisticsView(TemplateView):
    """Public, anonymised: requests by region, theme and status per year, and median days to decide and deliver.
    The content is rendered once per computation of the figures and language (`core.fragments`)."""

    template_name = "assistance/statistics.html"

    def get_context_data(self, **kwargs):
        data = statistics.cached_public_statistics()
        body = fragment(
            "assistance/_statistics.html",
            data.get("computed_at"),
            lambda: statistics_context(data),
            timeout=statistics.CACHE_MINUTES * 60,
        )
        return super().get_context_data(stats=data, body=body, **kwargs)
