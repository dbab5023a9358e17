"""API: the Parties to the Stockholm Convention and the UN regional groups."""

from datetime import date

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code, SearchText

from . import selectors
from .models import Eligibility

router = Router(tags=["parties"])


class PartyOut(Schema):
    iso3: str = Field(description="ISO 3166 alpha-3 code of the country, e.g. ALB")
    name: str
    region: str | None = Field(description="Code of the UN regional group, e.g. CEE")
    eligibility: str = Field(description="developing, transition or developed; empty when not classified")
    signature: date | None
    action: str = Field(description="ratification, accession, acceptance or approval")
    action_date: date | None
    entry_into_force: date | None

    @staticmethod
    def resolve_iso3(obj):
        return obj.country.iso3

    @staticmethod
    def resolve_name(obj):
        return obj.country.name

    @staticmethod
    def resolve_region(obj):
        return obj.country.region.code if obj.country.region else None


class PartyFilters(Schema):
    region: Code | None = Field(None, description="Code of a UN regional group (see /regions), e.g. GRULAC")
    eligibility: Eligibility | None = None
    search: SearchText | None = Field(None, description="Part of the country's name, any case")


class RegionOut(Schema):
    code: str
    name: str
    countries_count: int


@router.get("/parties", response={200: list[PartyOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_parties(request, filters: Query[PartyFilters]):
    """The Parties to the Stockholm Convention, by country name."""
    check_known("region", filters.region, selectors.region_codes)
    return selectors.party_list(region=filters.region, eligibility=filters.eligibility, search=filters.search)


@router.get("/parties/{iso3}", response={200: PartyOut, 404: ErrorOut, 422: ErrorOut})
def get_party(request, iso3: Path[Code]):
    """One Party, by the ISO 3166 alpha-3 code of its country (any case)."""
    message = _("No Party to the Stockholm Convention has the country code “%(iso3)s”.") % {"iso3": iso3}
    return get_or_404(selectors.party_get, iso3, message=message)


@router.get("/regions", response={200: list[RegionOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_regions(request):
    """The UN regional groups, each with how many countries it holds."""
    return selectors.region_list_with_counts()
