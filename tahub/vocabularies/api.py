"""API: the controlled vocabularies — themes, needs clusters, types of assistance, chemicals."""

from typing import Literal

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code

from . import selectors

router = Router(tags=["vocabularies"])


class ClusterRefOut(Schema):
    slug: str
    name: str


class ThemeOut(Schema):
    slug: str
    name: str
    cluster: ClusterRefOut
    convention_basis: str = Field(description="e.g. Art. 7")
    note: str


class NeedsClusterOut(Schema):
    slug: str
    name: str
    source: str
    themes_count: int


class AssistanceTypeOut(Schema):
    slug: str
    name: str
    delivery: str


class ChemicalOut(Schema):
    slug: str
    name: str
    annexes: list[str] = Field(description="Annexes listing it: A, B and/or C")
    listed_by: str
    year_listed: int
    cas_numbers: str
    category: str

    @staticmethod
    def resolve_annexes(obj):
        return obj.annex_list


class ThemeFilters(Schema):
    cluster: Code | None = Field(None, description="Slug of a needs cluster (see /needs-clusters)")


class ChemicalFilters(Schema):
    annex: Literal["A", "B", "C"] | None = Field(None, description="Only chemicals listed in this annex")


@router.get("/themes", response={200: list[ThemeOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_themes(request, filters: Query[ThemeFilters]):
    """The themes that needs, offers, requests and events are tagged with, each with its cluster."""
    check_known("cluster", filters.cluster, selectors.needs_cluster_codes)
    return selectors.theme_list(cluster=filters.cluster)


@router.get("/needs-clusters", response={200: list[NeedsClusterOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_needs_clusters(request):
    """The BRS needs clusters, each with how many themes it groups."""
    return selectors.needs_cluster_list()


@router.get("/assistance-types", response={200: list[AssistanceTypeOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_assistance_types(request):
    """The types of assistance (training, expert advice, …)."""
    return selectors.assistance_type_list()


@router.get("/chemicals", response={200: list[ChemicalOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_chemicals(request, filters: Query[ChemicalFilters]):
    """The chemicals listed in Annexes A, B and C of the Stockholm Convention."""
    return selectors.chemical_list(annex=filters.annex)
