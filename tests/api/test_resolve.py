"""One resolver for the codes an API body names (core.api_types.resolve, issue 19.4): rows in the order asked,
an unknown code refused by name (never dropped), and every field's unknown codes at once."""

import pytest
from django.core.exceptions import ValidationError

from tahub.core.api_types import resolve, resolve_fields
from tahub.parties.models import Party, Region
from tahub.vocabularies.models import Theme

pytestmark = pytest.mark.django_db


def test_rows_come_in_the_order_asked_once_each():
    codes = list(Region.objects.order_by("-code").values_list("code", flat=True)[:3])
    rows = resolve(Region, [*codes, codes[0]], "code")
    assert [row.code for row in rows] == codes


def test_one_code_gives_one_row_and_none_stays_none():
    assert resolve(Region, "GRULAC", "code").code == "GRULAC"
    assert resolve(Region, None, "code") is None
    assert resolve(Region, [], "code") == []


def test_unknown_codes_are_refused_by_name_under_the_field():
    known = Theme.objects.values_list("slug", flat=True).first()
    with pytest.raises(ValidationError) as refused:
        resolve(Theme, [known, "no-such-theme", "nor-this"], name="themes")
    (message,) = refused.value.message_dict["themes"]
    assert "no-such-theme, nor-this" in message and known not in message


def test_an_unknown_code_without_a_field_is_a_plain_refusal():
    with pytest.raises(ValidationError, match="Unknown code: XYZ"):
        resolve(Region, "XYZ", "code")


def test_a_queryset_and_a_lookup_across_a_relation():
    parties = Party.objects.filter(convention__code="SC")
    (kenya,) = resolve(parties, ["KEN"], "country__iso3")
    assert kenya.country.iso3 == "KEN" and kenya.convention.code == "SC"


def test_every_field_is_checked_before_refusing():
    data = {"themes": ["nope"], "regions": ["GRULAC", "XYZ"], "other": "kept"}
    with pytest.raises(ValidationError) as refused:
        resolve_fields(data, {"themes": (Theme, "slug"), "regions": (Region, "code"), "absent": (Region, "code")})
    assert set(refused.value.message_dict) == {"themes", "regions"}
    assert "XYZ" in refused.value.message_dict["regions"][0]


def test_resolve_fields_replaces_codes_by_rows():
    data = resolve_fields({"regions": ["GRULAC"], "other": 1}, {"regions": (Region, "code")})
    assert [r.code for r in data["regions"]] == ["GRULAC"] and data["other"] == 1


@pytest.mark.parametrize(
    ("url", "body", "field"),
    [
        ("/api/v1/requests", {"themes": ["no-such-theme"]}, "themes"),
        ("/api/v1/events", {"themes": ["no-such-theme"], "organisers": ["no-such-body"]}, "themes"),
        ("/api/v1/programme-activities", {"regions": ["XYZ"]}, "regions"),
    ],
)
def test_the_api_answers_422_naming_the_unknown_code(client, url, body, field, staff_token):
    """Through the endpoints: an unknown code in a body otherwise valid is a 422 under its field."""
    response = client.post(url, _valid(url) | body, content_type="application/json", **staff_token)
    assert response.status_code == 422, response.content
    errors = {e["field"]: e["message"] for e in response.json()["errors"]}
    assert field in errors and "Unknown code" in errors[field]


def _valid(url):
    from tahub.planning.models import Biennium

    if url == "/api/v1/requests":
        return {
            "party": "KEN",
            "title": "Customs training on POPs",
            "description": "Train customs officers to identify POPs pesticides at the borders of the country.",
            "themes": [],
            "assistance_types": ["training"],
            "conventions": ["SC"],
        }
    if url == "/api/v1/events":
        return {
            "slug": "resolve-test",
            "kind": "workshop",
            "mode": "online",
            "title_en": "A workshop",
            "start": "2030-03-02T09:00",
            "end": "2030-03-02T17:00",
            "time_zone": "Europe/Zurich",
            "capacity": 30,
            "registration_mode": "open",
            "registration_deadline": "2030-02-20",
        }
    biennium = Biennium.objects.get_or_create(start_year=2030, defaults={"end_year": 2031})[0]
    return {"biennium": biennium.start_year, "number": 1, "title": "An activity", "conventions": ["SC"]}


@pytest.fixture
def staff_token():
    from tahub.accounts.tokens import create_api_token
    from tests.accounts import cast

    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=cast.staff('resolve@example.org'))}"}
