"""Reads of the controlled vocabularies, shared by the pages, the API and the exports."""

from django.db.models import Count, QuerySet

from .models import AssistanceType, Chemical, NeedsCluster, Theme


def theme_list(*, cluster: str | None = None) -> QuerySet[Theme]:
    """The themes, each with its needs cluster in the same query."""
    queryset = Theme.objects.select_related("cluster")
    if cluster:
        queryset = queryset.filter(cluster__slug=cluster)
    return queryset.order_by("name")


def needs_cluster_list() -> QuerySet[NeedsCluster]:
    """The BRS needs clusters, each with the number of themes in it."""
    return NeedsCluster.objects.annotate(themes_count=Count("themes")).order_by("name")


def needs_cluster_codes() -> list[str]:
    return list(NeedsCluster.objects.order_by("slug").values_list("slug", flat=True))


def assistance_type_list() -> QuerySet[AssistanceType]:
    return AssistanceType.objects.order_by("name")


def chemical_list(*, annex: str | None = None) -> QuerySet[Chemical]:
    """The chemicals listed in the Stockholm Convention, optionally only those in one annex (A, B or C)."""
    queryset = Chemical.objects.all()
    if annex:
        queryset = queryset.filter(annexes__contains=annex)
    return queryset.order_by("name")
