"""Reference-data loaders for needs clusters, themes, types of assistance and chemicals."""

from tahub.core.reference import Loader, int_or_none, lookup, text

from .models import AssistanceType, Chemical, NeedsCluster, Theme


def _cluster(row):
    return {
        "slug": text(row, "slug", required=True),
        "name": text(row, "name", required=True),
        "source": text(row, "source"),
    }


def _theme(row):
    return {
        "slug": text(row, "slug", required=True),
        "name": text(row, "name", required=True),
        "cluster": lookup(row, "cluster", NeedsCluster, "slug"),
        "convention_basis": text(row, "convention_basis"),
        "note": text(row, "note"),
    }


def _assistance_type(row):
    return {
        "slug": text(row, "slug", required=True),
        "name": text(row, "name", required=True),
        "delivery": text(row, "delivery"),
    }


def _chemical(row):
    return {
        "slug": text(row, "slug", required=True),
        "name": text(row, "name", required=True),
        "annexes": text(row, "annexes", required=True),
        "listed_by": text(row, "listed_by"),
        "year_listed": int_or_none(row, "year_listed", required=True),
        "cas_numbers": text(row, "cas_numbers"),
        "category": text(row, "category"),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def loaders():
    return [
        Loader("needs_clusters.csv", NeedsCluster, ("slug",), _cluster, ("slug", "name")),
        Loader("themes.csv", Theme, ("slug",), _theme, ("slug", "name", "cluster")),
        Loader("assistance_types.csv", AssistanceType, ("slug",), _assistance_type, ("slug", "name", "delivery")),
        Loader("chemicals.csv", Chemical, ("slug",), _chemical, ("slug", "name", "annexes", "year_listed")),
    ]
