"""Correcting and voiding a commitment or receipt: the same checks as recording it, checked against the pledge's
version, audited (the history keeps the original and the reason); on the staff page and through the API."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tahub.accounts.tokens import create_api_token
from tahub.core.workflow import Stale
from tahub.funding import selectors, services
from tahub.funding.models import Pledge, PledgeEntry
from tests.accounts import cast
from tests.api.stale_messages import is_stale_message, stale_pattern

from .money import DAY, activity, donor, entry, pledge

pytestmark = pytest.mark.django_db
COMMIT, RECEIVE = PledgeEntry.Kind.COMMITMENT, PledgeEntry.Kind.RECEIPT


def _version(given):
    return Pledge.objects.get(pk=given.pk).version


def _snapshot(row):
    row.refresh_from_db()
    return (row.kind, row.date, row.amount, row.rate_to_usd, row.rate_date, row.note)


# --- the services -----------------------------------------------------------------------------------------------


def test_a_correction_changes_the_totals_and_the_history_keeps_the_original(admin):
    work = activity()
    given = pledge(admin, donor(admin), "1000", activity=work)
    wrong = entry(admin, given, COMMIT, "800")
    seen = _version(given)

    services.correct_entry(wrong, by=admin, data={"amount": Decimal("700.25"), "note": "Letter of 5 March"},
                           seen_version=seen)  # fmt: skip

    wrong.refresh_from_db()
    assert (wrong.amount, wrong.note, wrong.date) == (Decimal("700.25"), "Letter of 5 March", DAY)
    assert selectors.activity_contributions().get(pk=work.pk).committed_usd == Decimal("700.25")
    history = list(wrong.history.order_by("history_date", "history_id"))
    assert [h.history_change_reason for h in history] == ["funding.pledge.commitment", "funding.entry.corrected"]
    assert history[0].amount == Decimal("800") and history[1].history_user == admin
    assert _version(given) == seen + 1
    assert given.history.latest("history_date").history_change_reason == "funding.pledge.entry_corrected"


def test_a_correction_to_more_than_the_pledge_needs_a_note(admin):
    given = pledge(admin, donor(admin), "1000")
    entry(admin, given, RECEIVE, "600")
    second = entry(admin, given, RECEIVE, "300")
    before = _snapshot(second)
    with pytest.raises(ValidationError) as error:
        services.correct_entry(second, by=admin, data={"amount": Decimal("500")}, seen_version=_version(given))
    assert "1100.00 USD would be received against a pledge of 1000.00 USD" in error.value.message_dict["amount"][0]
    assert _snapshot(second) == before
    services.correct_entry(second, by=admin, data={"amount": Decimal("500"), "note": "Rounded up by the donor"},
                           seen_version=_version(given))  # fmt: skip
    assert _snapshot(second)[2] == Decimal("500")


def test_a_correction_of_an_entry_in_another_currency_needs_its_rate(admin):
    euros = pledge(admin, donor(admin), "10000", currency="EUR", rate="1.10")
    step = entry(admin, euros, COMMIT, "10000", rate="1.08")
    before = _snapshot(step)
    with pytest.raises(ValidationError) as error:
        services.correct_entry(step, by=admin, data={"rate_to_usd": None, "rate_date": None},
                               seen_version=_version(euros))  # fmt: skip
    assert set(error.value.message_dict) == {"rate_to_usd", "rate_date"}
    assert "An amount in EUR needs its exchange rate to USD" in error.value.message_dict["rate_to_usd"][0]
    assert _snapshot(step) == before


@pytest.mark.parametrize("amount", ["-5", "0", "abc"])
def test_a_negative_zero_or_non_numeric_correction_is_refused(admin, amount):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    with pytest.raises(ValidationError) as error:
        services.correct_entry(step, by=admin, data={"amount": amount}, seen_version=_version(given))
    assert "amount" in error.value.message_dict
    assert _snapshot(step)[2] == Decimal("500") and isinstance(_snapshot(step)[2], Decimal)


def test_a_usd_entry_keeps_rate_1_dated_by_its_corrected_date(admin):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, RECEIVE, "500")
    new_day = DAY.replace(day=20)
    services.correct_entry(step, by=admin, data={"date": new_day}, seen_version=_version(given))
    assert _snapshot(step)[2:5] == (Decimal("500"), Decimal(1), new_day)


def test_a_stale_correction_or_void_is_refused(admin):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    seen = _version(given)
    entry(admin, given, RECEIVE, "100")  # someone records a receipt meanwhile
    with pytest.raises(Stale, match=stale_pattern("pledge")):
        services.correct_entry(step, by=admin, data={"amount": Decimal("400")}, seen_version=seen)
    with pytest.raises(Stale):
        services.void_entry(step, by=admin, reason="Twice", seen_version=seen)
    assert _snapshot(step)[2] == Decimal("500")


def test_voiding_needs_a_reason_removes_the_entry_from_every_total_and_keeps_it_in_history(admin):
    work = activity()
    given = pledge(admin, donor(admin), "1000", activity=work)
    kept = entry(admin, given, COMMIT, "400")
    twice = entry(admin, given, COMMIT, "400")
    with pytest.raises(ValidationError) as error:
        services.void_entry(twice, by=admin, reason="  ", seen_version=_version(given))
    assert "Say why" in error.value.message_dict["reason"][0]
    assert given.entries.count() == 2

    services.void_entry(twice, by=admin, reason="Recorded twice", seen_version=_version(given))

    assert list(given.entries.all()) == [kept]
    row = selectors.activity_contributions().get(pk=work.pk)
    assert (row.committed_usd, row.funding_usd) == (Decimal("400"), Decimal("400"))
    (voided,) = selectors.voided_entries(given)
    assert (voided.amount, voided.void_reason, voided.history_user) == (Decimal("400"), "Recorded twice", admin)
    assert voided.history_change_reason == "funding.entry.voided"
    with pytest.raises(Stale, match="voided meanwhile"):
        services.correct_entry(twice, by=admin, data={"amount": Decimal("1")}, seen_version=_version(given))


def test_only_the_secretariat_corrects_or_voids(admin):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    someone = cast.contact_point("cp@example.org", cast.PARTY_A)
    with pytest.raises(PermissionDenied):
        services.correct_entry(step, by=someone, data={"amount": Decimal("1")}, seen_version=_version(given))
    with pytest.raises(PermissionDenied):
        services.void_entry(step, by=someone, reason="No", seen_version=_version(given))
    assert _snapshot(step)[2] == Decimal("500")


# --- the staff page ---------------------------------------------------------------------------------------------


def _form(step, version, **changes):
    data = {"kind": step.kind, "date": "2026-03-01", "amount": str(step.amount), "rate_to_usd": "",
            "rate_date": "", "note": "", "version": version}  # fmt: skip
    return data | changes


def test_staff_correct_then_void_an_entry_on_its_page(staff_client, admin):
    euros = pledge(admin, donor(admin), "10000", currency="EUR", rate="1.10")
    step = entry(admin, euros, COMMIT, "10000", rate="1.08")
    url = f"/staff/funding/pledges/{euros.pk}/entries/{step.pk}/"
    page = staff_client.get(url)
    assert page.status_code == 200 and 'value="10000.00"' in page.content.decode()

    response = staff_client.post(url, _form(step, _version(euros), amount="9000"))  # rate left blank
    assert response.status_code == 400 and "needs its exchange rate to USD" in response.content.decode()
    response = staff_client.post(url, _form(step, _version(euros), amount="9000", rate_to_usd="1.07",
                                            rate_date="2026-03-01"))  # fmt: skip
    assert response.status_code == 302 and _snapshot(step)[2:4] == (Decimal("9000"), Decimal("1.07"))

    void = {"void": "1", "void-reason": "", "void-version": _version(euros)}
    response = staff_client.post(url, void)
    assert response.status_code == 400 and "Say why" in response.content.decode()
    response = staff_client.post(url, void | {"void-reason": "The donor withdrew the agreement"})
    assert response.status_code == 302 and not PledgeEntry.objects.exists()
    page = staff_client.get(response.url).content.decode()
    assert "The donor withdrew the agreement" in page and "9,000.00" in page
    assert staff_client.get(url).status_code == 404


def test_a_stale_correction_on_the_page_answers_409_and_saves_nothing(staff_client, admin):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    url = f"/staff/funding/pledges/{given.pk}/entries/{step.pk}/"
    seen = _version(given)
    assert staff_client.post(url, _form(step, seen, amount="450")).status_code == 302
    response = staff_client.post(url, _form(step, seen, amount="300"))
    assert response.status_code == 409 and is_stale_message("pledge", response.content.decode())
    assert _snapshot(step)[2] == Decimal("450")


def test_an_entry_of_another_pledge_is_not_found(staff_client, admin):
    first = pledge(admin, donor(admin), "1000")
    other = pledge(admin, donor(admin, name="Other"), "1000")
    step = entry(admin, first, COMMIT, "500")
    assert staff_client.get(f"/staff/funding/pledges/{other.pk}/entries/{step.pk}/").status_code == 404


# --- the API ----------------------------------------------------------------------------------------------------


def _api(client, user):
    token = create_api_token(user=user)
    return lambda method, url, **kw: getattr(client, method)(url, HTTP_AUTHORIZATION=f"Bearer {token}",
                                                             content_type="application/json", **kw)  # fmt: skip


def test_the_api_corrects_and_voids_an_entry(client, admin):
    api = _api(client, admin)
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    url = f"/api/v1/pledges/{given.pk}/entries/{step.pk}"
    seen = _version(given)

    response = api("patch", url, data={"version": seen, "amount": "1200"})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "amount"
    response = api("patch", url, data={"version": seen, "amount": "lots"})
    assert response.status_code == 422 and _snapshot(step)[2] == Decimal("500")
    response = api("patch", url, data={"version": seen, "amount": "450.50"})
    assert response.status_code == 200, response.json()
    assert (response.json()["committed"], response.json()["version"]) == ("450.50", seen + 1)
    stale = api("patch", url, data={"version": seen, "amount": "1"})
    assert stale.status_code == 409 and is_stale_message("pledge", stale.json()["detail"])

    response = api("post", f"{url}/void", data={"version": seen + 1, "reason": ""})
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "reason"
    response = api("post", f"{url}/void", data={"version": seen + 1, "reason": "Recorded on the wrong pledge"})
    assert response.status_code == 200 and response.json()["committed"] == "0.00"
    assert api("post", f"{url}/void", data={"version": seen + 2, "reason": "Again"}).status_code == 404
    assert api("get", f"/api/v1/pledges/{given.pk}/entries").json() == []


def test_only_staff_correct_or_void_through_the_api(client, admin):
    given = pledge(admin, donor(admin), "1000")
    step = entry(admin, given, COMMIT, "500")
    api = _api(client, cast.contact_point("cp@example.org", cast.PARTY_A))
    url = f"/api/v1/pledges/{given.pk}/entries/{step.pk}"
    assert api("patch", url, data={"version": 1, "amount": "1"}).status_code == 403
    assert api("post", f"{url}/void", data={"version": 1, "reason": "x"}).status_code == 403
    assert _snapshot(step)[2] == Decimal("500") and PledgeEntry.objects.count() == 1
