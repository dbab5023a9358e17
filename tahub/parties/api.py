from datetime import date

from ninja import Router, Schema
from ninja.pagination import paginate

from . import selectors

router = Router(tags=["parties"])


class PartyOut(Schema):
    iso3: str
    name: str
    region: str | None
    eligibility: str
    signature: date | None
    action: str
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

    @staticmethod
    def resolve_eligibility(obj):
        return obj.country.eligibility


@router.get("/parties", response=list[PartyOut])
@paginate
def list_parties(request, region: str | None = None, eligibility: str | None = None):
    return selectors.party_list(region=region, eligibility=eligibility)


@router.get("/parties/{iso3}", response=PartyOut)
def get_party(request, iso3: str):
    return selectors.party_get(iso3)
