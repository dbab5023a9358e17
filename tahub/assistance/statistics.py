"""Public statistics on requests: counts and medians only, never a Party's name or a request's content."""

import statistics as stats

from django.core.cache import cache
from django.db import connection
from django.db.models import Aggregate, Count, F, FloatField, Func
from django.db.models.functions import ExtractYear
from django.utils import timezone

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
        # Not COUNT(DISTINCT): a request has one region and one status, and each theme at most once, so no
        # row repeats; a distinct count would also forbid PostgreSQL's hash aggregate at 50,000 requests.
        .annotate(n=Count("pk"))
        .order_by("year", field)
    )


class _Median(Aggregate):
    """PostgreSQL's exact median (the mean of the two middle values for an even count, as statistics.median)."""

    function = "PERCENTILE_CONT"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()


class _Days(Func):
    """The days in an interval (end - start), as a float."""

    template = "EXTRACT(EPOCH FROM %(expressions)s) / 86400.0"
    output_field = FloatField()


def median_days(end_field):
    """Median calendar days from submission to `end_field` (decided_at, delivered_at), or None.

    On PostgreSQL the database computes it; elsewhere (SQLite) the durations are fetched and the median is
    taken in Python, which at 50,000 requests costs a second per page.
    """
    done = _submitted().exclude(**{f"{end_field}__isnull": True}).order_by()
    if connection.vendor == "postgresql":
        median = done.aggregate(median=_Median(_Days(F(end_field) - F("submitted_at"))))["median"]
        return round(median, 1) if median is not None else None
    days = [(end - start).total_seconds() / 86400 for start, end in done.values_list("submitted_at", end_field)]
    return round(stats.median(days), 1) if days else None


CACHE_KEY = "assistance.public_statistics"
CACHE_MINUTES = 5


def cached_public_statistics():
    """The public statistics, computed at most once every CACHE_MINUTES (the page says so). Anonymised
    aggregates: a few minutes' staleness harms no one, so nothing invalidates them. `computed_at`: when they
    were computed, the version of the page's cached content."""
    data = cache.get(CACHE_KEY)
    if data is None:
        data = {**public_statistics(), "computed_at": timezone.now()}
        cache.set(CACHE_KEY, data, CACHE_MINUTES * 60)
    return data


def public_statistics():
    states = dict(State.choices)
    return {
        "by_region": counts_by("party__country__region__name"),
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
