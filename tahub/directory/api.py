"""API: the public partner directory (listed organisations and what they offer)."""

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code, SearchText
from tahub.parties import selectors as party_selectors

from . import selectors
from .models import Organisation

router = Router(tags=["directory"])


class OrganisationOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: Organisation.Kind
    summary: str
    website: str
    country: str | None = Field(description="ISO 3166 alpha-3 code of the country of seat")
    themes: list[str] = Field(description="Codes of the themes offered")
    assistance_types: list[str] = Field(description="Codes of the types of assistance offered")
    languages: list[str]

    @staticmethod
    def resolve_country(obj):
        return obj.country.iso3 if obj.country else None

    @staticmethod
    def resolve_themes(obj):
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_assistance_types(obj):
        return [t.slug for t in obj.assistance_types.all()]

    @staticmethod
    def resolve_languages(obj):
        return obj.language_list


class OrganisationFilters(Schema):
    kind: Organisation.Kind | None = None
    theme: Code | None = Field(None, description="Code of a theme offered, e.g. inventories")
    region: Code | None = Field(None, description="Code of a UN regional group served, e.g. AFR")
    search: SearchText | None = Field(None, description="Part of the name or the description")


@router.get("/organisations", response={200: list[OrganisationOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_organisations(request, filters: Query[OrganisationFilters]):
    """Listed organisations, by name."""
    check_known("region", filters.region, party_selectors.region_codes)
    return selectors.organisation_list(
        kind=filters.kind, theme=filters.theme, region=filters.region, search=filters.search
    )


@router.get("/organisations/{slug}", response={200: OrganisationOut, 404: ErrorOut, 422: ErrorOut})
def get_organisation(request, slug: Path[Code]):
    message = _("No listed organisation has the code “%(slug)s”.") % {"slug": slug}
    return get_or_404(selectors.organisation_get, slug, message=message)
