"""Edge values of the money (issues 18.11 and 17.4): dates outside their frame, a payment expected before the
pledge, a currency that is not ISO 4217. Each refused with a message next to its field, on the page and in the
API, nothing saved."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tahub.accounts.tokens import create_api_token
from tahub.funding import services
from tahub.funding.currencies import currencies
from tahub.funding.models import Pledge, TrustFund

from .money import DAY, donor, entry, pledge

pytestmark = pytest.mark.django_db


FAR_PAST, FAR_FUTURE = datetime.date(1, 1, 1), datetime.date(9999, 12, 31)


@pytest.mark.parametrize("day", [FAR_PAST, FAR_FUTURE, datetime.date(1989, 3, 21)])
def test_a_pledge_dated_outside_the_frame_is_refused(admin, day):
    with pytest.raises(ValidationError) as error:
        pledge(admin, donor(admin), "1000", pledged_on=day)
    assert "between 1989-03-22 and today" in error.value.message_dict["pledged_on"][0]
    assert not Pledge.objects.exists()


def test_a_pledge_dated_tomorrow_is_refused_and_today_accepted(admin):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        pledge(admin, donor(admin), "1000", pledged_on=today + datetime.timedelta(days=1))
    assert pledge(admin, donor(admin, name="Other"), "1000", pledged_on=today).pledged_on == today


def test_a_payment_expected_before_the_pledge_or_too_late_is_refused(admin):
    gives = donor(admin)
    with pytest.raises(ValidationError) as error:
        pledge(admin, gives, "1000", due_on=DAY - datetime.timedelta(days=1))
    assert "before the pledge is made (2026-03-01)" in error.value.message_dict["due_on"][0]
    with pytest.raises(ValidationError) as error:
        pledge(admin, gives, "1000", due_on=FAR_FUTURE)
    assert "at most 10 years after the pledge" in error.value.message_dict["due_on"][0]
    assert not Pledge.objects.exists()
    assert pledge(admin, gives, "1000", due_on=DAY.replace(year=2036)).due_on.year == 2036


def test_a_correction_cannot_move_the_payment_before_the_pledge(admin):
    given = pledge(admin, donor(admin), "1000")
    with pytest.raises(ValidationError) as error:
        services.update_pledge(given, by=admin, data={"due_on": datetime.date(2020, 1, 1)}, seen_version=1)
    assert "due_on" in error.value.message_dict
    assert Pledge.objects.get().due_on is None


@pytest.mark.parametrize("code", ["XYZ", "usd", "US", "EURO"])
def test_a_currency_that_is_not_iso_4217_is_refused(admin, code):
    with pytest.raises(ValidationError) as error:
        pledge(admin, donor(admin), "1000", currency=code, rate="1.1")
    assert "not an ISO 4217 currency code" in error.value.message_dict["currency"][0]
    assert not Pledge.objects.exists()


def test_the_iso_4217_list_holds_the_currencies_in_use():
    assert {"USD", "EUR", "CHF", "JPY", "XOF"} <= currencies().keys() and "XYZ" not in currencies()
    assert currencies()["CHF"] == "Swiss Franc"


def test_a_receipt_dated_in_the_future_is_refused(admin):
    given = pledge(admin, donor(admin), "1000")
    with pytest.raises(ValidationError) as error:
        entry(admin, given, "receipt", "100", day=FAR_FUTURE)
    assert "date" in error.value.message_dict
    assert not given.entries.exists()


def _pledge_form(**extra):
    return {"donor": "", "trust_fund": TrustFund.objects.get(code="SV").pk, "kind": "cash", "currency": "USD",
            "amount": "1000", "pledged_on": "2026-01-10", "rate_to_usd": "", "rate_date": ""} | extra  # fmt: skip


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("pledged_on", "0001-01-01", "between 1989-03-22 and today"),
        ("pledged_on", "9999-12-31", "between 1989-03-22 and today"),
        ("due_on", "2025-01-01", "before the pledge is made"),
        ("currency", "XYZ", "Select a valid choice"),
    ],
)
def test_the_pledge_page_refuses_edge_values_next_to_the_field(staff_client, admin, field, value, message):
    data = _pledge_form(donor=donor(admin).pk, **{field: value})
    response = staff_client.post("/staff/funding/pledges/new/", data)
    assert response.status_code == 400 and not Pledge.objects.exists()
    assert any(message in text for text in response.context["form"].errors[field])
    assert 'value="XYZ"' not in response.content.decode()  # the currency is chosen from the ISO 4217 list


@pytest.mark.parametrize(
    ("field", "value"), [("pledged_on", "0001-01-01"), ("pledged_on", "9999-12-31"), ("due_on", "2025-01-01"),
                         ("currency", "XYZ")]
)  # fmt: skip
def test_the_api_refuses_edge_values_naming_the_field(client, admin, field, value):
    token = create_api_token(user=admin)
    body = {"donor": donor(admin).pk, "trust_fund": "SV", "amount": "1000", "pledged_on": "2026-01-10",
            "rate_to_usd": "1.1", "rate_date": "2026-01-10", field: value}  # fmt: skip
    response = client.post("/api/v1/pledges", body, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Bearer {token}")  # fmt: skip
    assert response.status_code == 422, response.content
    assert field in {e["field"] for e in response.json()["errors"]}
    assert not Pledge.objects.exists()
