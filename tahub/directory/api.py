"""API of the partner directory: listed organisations and what they offer (public); "list my organisation"
(anyone, followed by the private token) and corrections (anyone reports), reviewed by the Secretariat with a
staff member's API token. The same services, selectors and permissions as the pages."""

from datetime import datetime
from enum import StrEnum
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core import throttle
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id, SearchText, Token, resolve_fields
from tahub.core.application_api import ApplicationStatusOut
from tahub.core.rules import require
from tahub.parties import selectors as party_selectors
from tahub.parties.models import Country, Region
from tahub.vocabularies.models import AssistanceType, Theme

from . import selectors, services
from .models import Correction, ListingRequest, Organisation

router = Router(tags=["directory"])

# The category of an organisation, under its own name in the OpenAPI document (the model's enum is called
# just "Kind", like other apps' enums, and schemas with the same name would overwrite each other).
OrganisationKind = StrEnum("OrganisationKind", {kind.name: kind.value for kind in Organisation.Kind})
ListingState = StrEnum("ListingState", {state.name: state.value for state in ListingRequest.State})


class OrganisationOut(Schema):
    slug: str
    name: str
    short_name: str
    kind: OrganisationKind
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
    kind: OrganisationKind | None = None
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


# --- "List my organisation": anyone asks (with documents) and follows by the private token; staff review. ---


class ListingRequestIn(BodyIn):
    name: str = Field(max_length=300)
    short_name: str = Field("", max_length=60)
    kind: OrganisationKind
    country: Code = Field(description="ISO 3166 alpha-3 code of the country of seat, e.g. UGA")
    website: str = Field("", max_length=200)
    summary: str = Field(max_length=20000, description="What the organisation does in the field of the Convention")
    themes: list[Code] = Field([], description="Codes of the themes offered")
    assistance_types: list[Code] = Field([], description="Codes of the types of assistance offered")
    regions_served: list[Code] = Field([], description="Codes of the UN regional groups served")
    languages: str = Field("", max_length=60, description="Language codes, e.g. en;fr")
    contact_name: str = Field(max_length=200)
    contact_email: str = Field(max_length=254)
    publish_contact_email: bool = Field(
        False, description="Consent to publish contact_email as the organisation's contact once listed"
    )


class ListingRequestOut(ApplicationStatusOut):
    token: str = Field(description="The private token: keep it; it is the only way to follow the request")
    kind: OrganisationKind
    state: ListingState
    reason: str = Field(description="Why the request was rejected")
    organisation: str | None = Field(description="Code of the directory entry, once listed")


class ListingReviewOut(ListingRequestOut):
    id: int
    contact_name: str
    contact_email: str
    publish_contact_email: bool = Field(description="The requester consents to publishing contact_email")
    country: str = Field(alias="country.iso3")
    short_name: str
    website: str
    summary: str
    themes: list[str] = Field(description="Codes of the themes offered (published on approval)")
    assistance_types: list[str] = Field(description="Codes of the types of assistance offered (published)")
    regions_served: list[str] = Field(description="Codes of the UN regional groups served (published)")
    languages: list[str] = Field(description="Working languages, as codes (published)")

    @staticmethod
    def resolve_themes(obj):
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_assistance_types(obj):
        return [t.slug for t in obj.assistance_types.all()]

    @staticmethod
    def resolve_regions_served(obj):
        return [r.code for r in obj.regions_served.all()]

    @staticmethod
    def resolve_languages(obj):
        return [code for code in obj.languages.split(";") if code]


class ListingAnswerIn(BodyIn):
    answer: str = Field("", max_length=20000)


class ListingDecisionIn(BodyIn):
    action: Literal["approve", "ask", "reject"] = Field(description="approve (list it), ask (for more), reject")
    message: str = Field("", max_length=5000, description="ask: what is needed; reject: the reason")


def _listing_data(payload):
    """Codes → objects; an unknown code is a ValidationError naming its field."""
    data = payload.dict()
    data["country"] = Country.objects.filter(iso3=data["country"].upper()).first()
    if data["country"] is None:
        raise ValidationError({"country": _("Unknown country code.")})
    lookups = {
        "themes": (Theme, "slug"),
        "assistance_types": (AssistanceType, "slug"),
        "regions_served": (Region, "code"),
    }
    return resolve_fields(data, lookups)


def _by_token(token):
    message = _("No listing request has this private token.")
    return get_or_404(selectors.listing_by_token, token, message=message)


@router.post("/listing-requests", response={201: ListingRequestOut, 400: ErrorOut, 422: ErrorOut, 429: ErrorOut})
def create_listing_request(request, payload: Form[ListingRequestIn], documents: File[list[UploadedFile]]):
    """“List my organisation”: anyone asks, with supporting documents (statutes, proof of work; PDF, Office or
    images, 10 MB each). The answer carries the private token that follows the request; the contact is e-mailed
    the private link too. A name already listed is refused (422) with the existing entry's address. At most five
    requests an hour from one address, pages and API together (429 after that)."""
    throttle.check("listing", throttle.client_ip(request))
    listing = services.submit_listing_request(data=_listing_data(payload), documents=_checked(documents))
    return Status(201, selectors.listing_by_token(listing.token))


def _checked(documents):
    """Each upload checked as the pages check it (type, size, content)."""
    return checked_uploads("documents", documents)


@router.get("/listing-requests/{token}", response={200: ListingRequestOut, 404: ErrorOut, 422: ErrorOut})
def get_listing_request(request, token: Path[Token]):
    """Where a listing request is, by its private token."""
    return _by_token(token)


@router.post(
    "/listing-requests/{token}/answer", response={200: ListingRequestOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut}
)
def answer_listing_request(
    request, token: Path[Token], payload: Form[ListingAnswerIn], documents: File[list[UploadedFile]] = None
):
    """The requester answers the Secretariat's question (more information needed), with more documents."""
    listing = _by_token(token)
    documents = documents or []
    services.answer_listing_request(listing, answer=payload.answer, documents=_checked(documents))
    return Status(200, _by_token(token))


STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get("/staff/listing-requests", response={200: list[ListingReviewOut], **STAFF_ERRORS}, auth=token_auth)
@paginate(PageNumberPagination)
def list_listing_requests(request, state: ListingState | None = None):
    """Listing requests to review, for the Secretariat (a staff member's API token), open ones first."""
    require(request.auth, "directory.review_listing")
    listings = selectors.listing_requests_to_review().select_related("organisation")
    return listings.filter(state=state) if state else listings


@router.post(
    "/staff/listing-requests/{listing_id}/decision", response={200: ListingReviewOut, **STAFF_ERRORS}, auth=token_auth
)
def decide_listing_request(request, listing_id: Path[Id], payload: ListingDecisionIn):
    """The Secretariat's decision: approve (the organisation is listed), ask for more information, or reject
    with a reason. The requester is e-mailed. A decision on a request that has moved since is refused (422)."""
    require(request.auth, "directory.review_listing")
    queryset = selectors.listing_requests_to_review().select_related("organisation")
    listing = get_or_404(lambda pk: get_object_or_404(queryset, pk=pk), listing_id, message=_("No such request."))
    services.review_listing_request(listing, by=request.auth, action=payload.action, message=payload.message)
    return Status(200, queryset.get(pk=listing_id))


# --- Feedback and corrections: anyone reports inaccurate information on an entry; staff resolve it. ---


class CorrectionIn(BodyIn):
    reporter_email: str = Field(max_length=254, description="So that the Secretariat can reply")
    text: str = Field(min_length=1, max_length=20000, description="What is inaccurate, and what is right")


class CorrectionOut(Schema):
    id: int
    organisation: str = Field(alias="organisation.slug")
    text: str
    resolution: Correction.Resolution | Literal[""] = Field(description="Empty until resolved")
    reply: str
    created_at: datetime
    resolved_at: datetime | None


class CorrectionStaffOut(CorrectionOut):
    reporter_email: str


class CorrectionResolveIn(BodyIn):
    resolution: Correction.Resolution
    reply: str = Field(max_length=20000, description="The reply e-mailed to the person who reported it")


@router.post(
    "/organisations/{slug}/corrections", response={201: CorrectionOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut}
)
def report_correction(request, slug: Path[Code], payload: CorrectionIn):
    """Report inaccurate information on a listed entry; the Secretariat sees it beside the entry and replies."""
    message = _("No listed organisation has the code “%(slug)s”.") % {"slug": slug}
    organisation = get_or_404(selectors.organisation_get, slug, message=message)
    correction = services.report_correction(organisation=organisation, **payload.dict())
    return Status(201, correction)


@router.get("/staff/corrections", response={200: list[CorrectionStaffOut], **STAFF_ERRORS}, auth=token_auth)
@paginate(PageNumberPagination)
def list_corrections(request):
    """Corrections not yet resolved, oldest first, for the Secretariat (a staff member's API token)."""
    require(request.auth, "directory.review_listing")
    return selectors.open_corrections()


@router.post(
    "/staff/corrections/{correction_id}/resolve", response={200: CorrectionStaffOut, **STAFF_ERRORS}, auth=token_auth
)
def resolve_correction(request, correction_id: Path[Id], payload: CorrectionResolveIn):
    """Resolve a correction (change made / no change) with a reply e-mailed to the reporter."""
    require(request.auth, "directory.review_listing")
    queryset = Correction.objects.select_related("organisation")
    correction = get_or_404(lambda pk: get_object_or_404(queryset, pk=pk), correction_id,
                            message=_("No such correction."))  # fmt: skip
    resolved = services.resolve_correction(correction, by=request.auth, **payload.dict())
    return Status(200, resolved)
