"""Public statistics on requests: counts and medians only, never a Party's name or a request's content."""

import statistics as stats

from django.db.models import Count
from django.db.models.functions import ExtractYear

from tahub.core.charts import bar_chart

from .models import State, TARequest


def _submitted():
    return TARequest.objects.exclude(submitted_at__isnull=True)


def counts_by(field):
    """[(year, value, count)] for requests submitted, grouped by year and `field` (region, theme, status)."""
    return list(
        _submitted()
        .annotate(year=ExtractYear("submitted_at"))
        .values_list("year", field)
        .annotate(n=Count("pk", distinct=True))
        .order_by("year", field)
    )


def median_days(end_field):
    """Median calendar days from submission to `end_field` (decided_at, delivered_at), or None."""
    pairs = _submitted().exclude(**{f"{end_field}__isnull": True}).values_list("submitted_at", end_field)
    days = [(end - start).total_seconds() / 86400 for start, end in pairs]
    return round(stats.median(days), 1) if days else None


def public_statistics():
    states = dict(State.choices)
    return {
        "by_region": counts_by("party__country__region__code"),
        "by_theme": counts_by("themes__name"),
        "by_status": [(year, states[state], n) for year, state, n in counts_by("state")],
        "median_days_to_decision": median_days("decided_at"),
        "median_days_to_delivery": median_days("delivered_at"),
        "total": _submitted().count(),
    }


def chart(rows, *, title):
    """Totals over all years, one bar per value."""
    totals = {}
    for _year, value, n in rows:
        totals[value] = totals.get(value, 0) + n
    return bar_chart(sorted(totals.items(), key=lambda item: -item[1]), title=title)
