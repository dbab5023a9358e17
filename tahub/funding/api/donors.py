"""API for the donors of the money (a staff member's API token): list, record, and change one from the `version`
last read (409 when someone changed it since). The same services and refusals as the staff pages."""

from enum import StrEnum

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import BodyIn, Code, Id, resolve
from tahub.core.rules import require
from tahub.directory.models import Organisation
from tahub.parties.models import Party

from .. import selectors, services
from ..models import Donor
from .fields import STAFF_ERRORS

# Under its own name in the OpenAPI document: the model's enum is called just "Kind", like other apps' enums.
DonorKind = StrEnum("DonorKind", {kind.name: kind.value for kind in Donor.Kind})
MONEY = "funding.change_pledge"

router = Router()


class DonorOut(Schema):
    id: int
    version: int = Field(description="Send it back with an edit (PATCH): 409 if someone changed the donor since")
    kind: DonorKind
    name: str = Field(alias="display_name")
    party: str | None = Field(None, alias="party.country.iso3")
    organisation: str | None = Field(None, alias="organisation.slug")
    email: str


class DonorIn(BodyIn):
    kind: DonorKind
    party: Code | None = Field(None, description="party: ISO 3166 alpha-3 code of a Party to the Stockholm Convention")
    organisation: Code | None = Field(None, description="organisation: its slug in the directory")
    name: str = Field("", max_length=200, description="other: the donor's name")
    email: str = Field("", max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+$")


class DonorPatch(BodyIn):
    """Only the fields given change; changing `kind` needs the party, organisation or name of the new kind;
    `version` is the one you read."""

    version: int = Field(ge=1, le=2**31 - 1, description="The donor's version you read: 409 if it changed since")
    kind: DonorKind = None
    party: Code | None = Field(None, description="ISO 3166 alpha-3 code of a Party")
    organisation: Code | None = Field(None, description="its slug in the directory")
    name: str = Field(None, max_length=200)
    email: str = Field(None, max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+$")


def _party(iso3):
    """The Stockholm Convention Party of this country (donors are recorded against the SC Party row)."""
    party = Party.objects.filter(country__iso3=iso3.upper(), convention__code="SC").first()
    if party is None:
        raise ValidationError({"party": _("No Party to the Stockholm Convention has the code %s.") % iso3})
    return party


@router.get(
    "/donors",
    response={200: list[DonorOut], **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_list_donors",
)
@paginate(PageNumberPagination)
def list_donors(request):
    require(request.auth, "funding.change_pledge")
    return selectors.donor_list()


@router.post(
    "/donors", response={201: DonorOut, **STAFF_ERRORS}, auth=token_auth, operation_id="tahub_funding_api_create_donor"
)
def create_donor(request, payload: DonorIn):
    require(request.auth, "funding.change_pledge")

    data = payload.dict()
    data["party"] = _party(data["party"]) if data["party"] else None
    data["organisation"] = resolve(Organisation, data["organisation"], "slug", name="organisation")
    donor = services.save_donor(by=request.auth, data=data)
    return Status(201, selectors.donor_list().get(pk=donor.pk))


@router.patch(
    "/donors/{donor_id}",
    response={200: DonorOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_money_api_update_donor",
)
def update_donor(request, donor_id: Path[Id], payload: DonorPatch):
    """Change a donor: its e-mail for reminders, its name, or what it is, with the `version` you read: 409 if
    someone changed it since (nothing saved; the answer names what they changed)."""
    require(request.auth, MONEY)
    donor = get_or_404(lambda pk: get_object_or_404(Donor, pk=pk), donor_id, message=_("No donor has this id."))

    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    if data.get("party"):
        data["party"] = _party(data["party"])
    if data.get("organisation"):
        data["organisation"] = resolve(Organisation, data["organisation"], "slug", name="organisation")
    services.save_donor(by=request.auth, data=data, donor=donor, seen_version=seen)
    return selectors.donor_list().get(pk=donor_id)
