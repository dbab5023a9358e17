"""API: the Stockholm Convention regional and subregional centres, their endorsements and activities."""

from datetime import date

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code
from tahub.core.rules import require
from tahub.parties import selectors as party_selectors

from .. import selectors

router = Router()


class EndorsementOut(Schema):
    decision: str | None = Field(description="Number of the COP decision when it is known, e.g. SC-7/17")
    decision_reference: str = Field(description="The decision as cited, e.g. COP-9 (2019)")
    start_year: int
    end_year: int

    @staticmethod
    def resolve_decision(obj):
        return obj.decision.number if obj.decision else None


class CentreOut(Schema):
    code: str
    name: str
    host_country: str = Field(description="ISO 3166 alpha-3 code of the host country")
    city: str
    host_institution: str
    region: str = Field(description="Code of the UN regional group")
    also_basel_centre: bool
    languages: list[str] = Field(description="Working languages, as ISO 639-1 codes")

    @staticmethod
    def resolve_host_country(obj):
        return obj.host_country.iso3

    @staticmethod
    def resolve_region(obj):
        return obj.region.code

    @staticmethod
    def resolve_languages(obj):
        return obj.language_list


class CentreDetailOut(CentreOut):
    endorsements: list[EndorsementOut]

    @staticmethod
    def resolve_endorsements(obj):
        return list(obj.endorsements.all())


class CentreFilters(Schema):
    region: Code | None = Field(None, description="Code of a UN regional group (see /regions)")


@router.get("/centres", response={200: list[CentreOut], 422: ErrorOut}, operation_id="tahub_centres_api_list_centres")
@paginate(PageNumberPagination)
def list_centres(request, filters: Query[CentreFilters]):
    """The regional centres, by name."""
    check_known("region", filters.region, party_selectors.region_codes)
    return selectors.centre_list(region=filters.region)


@router.get(
    "/centres/{code}",
    response={200: CentreDetailOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_centres_api_get_centre",
)
def get_centre(request, code: Path[Code]):
    """One regional centre with its endorsements by the COP, latest first."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    return get_or_404(selectors.centre_get, code, message=message)


class ActivityOut(Schema):
    title: str
    type: str = Field(description="Code of the type of assistance")
    start: date
    end: date
    parties_benefited: list[str] = Field(description="ISO 3166 alpha-3 codes")

    @staticmethod
    def resolve_type(obj):
        return obj.assistance_type.slug

    @staticmethod
    def resolve_parties_benefited(obj):
        return [p.country.iso3 for p in obj.parties_benefited.all()]


@router.get(
    "/centres/{code}/activities",
    response={200: list[ActivityOut], 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_centres_api_list_centre_activities",
)
@paginate(PageNumberPagination)
def list_centre_activities(request, code: Path[Code]):
    """The activities a centre reported (in submitted reports), latest first."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    return selectors.reported_activities(centre)


def member_centre(request, code):
    """The centre of the address, for its members (or the Secretariat): its reports' and work plans' endpoints."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.report_activities", centre)
    return centre
