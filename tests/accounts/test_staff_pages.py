"""Staff pages: the eligibility override (with a reason, audited) and the history of a record."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from tahub.accounts.models import StaffRole
from tahub.parties import services as party_services
from tahub.parties.models import Country

from . import cast

pytestmark = pytest.mark.django_db


def _override(by, iso3=cast.PARTY_A, eligibility="transition", reason="Reclassified by decision SC-99/1"):
    return party_services.override_eligibility(
        Country.objects.get(iso3=iso3), eligibility=eligibility, reason=reason, by=by
    )


def test_override_is_saved_and_audited_with_its_reason(admin_user):
    country = _override(admin_user)

    country.refresh_from_db()
    assert (country.eligibility, country.eligibility_override_reason) == (
        "transition",
        "Reclassified by decision SC-99/1",
    )
    record = country.history.latest()
    assert (record.history_change_reason, record.history_user) == ("parties.country.eligibility_overridden", admin_user)


def test_override_without_a_reason_writes_nothing(admin_user):
    with pytest.raises(ValidationError) as error:
        _override(admin_user, reason="   ")
    assert list(error.value.message_dict) == ["reason"]
    assert Country.objects.get(iso3=cast.PARTY_A).eligibility_override == ""


def test_regional_focal_point_overrides_only_in_their_region():
    rfp = cast.staff("rfp.afr@example.org", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    _override(rfp, iso3=cast.PARTY_A)
    with pytest.raises(PermissionDenied, match="regional focal point"):
        _override(rfp, iso3=cast.PARTY_B)
    assert Country.objects.get(iso3=cast.PARTY_B).eligibility_override == ""


def test_a_contact_point_cannot_override(official_a):
    with pytest.raises(PermissionDenied):
        _override(official_a)


def test_override_page_requires_a_reason_and_shows_the_error(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    url = reverse("accounts:override_eligibility", args=[cast.PARTY_A])

    response = client.post(url, {"eligibility": "developed", "reason": ""})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["reason"]
    assert Country.objects.get(iso3=cast.PARTY_A).eligibility_override == ""


def test_history_page_lists_who_when_what_and_why(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    country = _override(admin_user)

    response = client.get(reverse("accounts:object_history", args=["parties", "country", country.pk]))

    assert response.status_code == 200
    latest = response.context["entries"][0]
    assert latest["record"].history_change_reason == "parties.country.eligibility_overridden"
    assert {(c.field, c.old, c.new) for c in latest["changes"]} >= {("eligibility_override", "", "transition")}
    page = response.content.decode()
    assert "admin@example.org" in page
    assert "Eligibility overridden by the Secretariat" in page
    assert "parties.country.eligibility_overridden" not in page  # the reason's label, never its code


def test_history_of_an_unknown_model_or_record_is_404(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    for args in [("parties", "nosuch", 1), ("auth", "permission", 1), ("parties", "country", 999999)]:
        assert client.get(reverse("accounts:object_history", args=args)).status_code == 404


def test_party_page_links_staff_to_the_history(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    party = cast.party(cast.PARTY_A)

    page = client.get(party.get_absolute_url()).content.decode()

    assert reverse("accounts:object_history", args=["parties", "party", party.pk]) in page


def test_party_page_shows_no_staff_tools_to_the_public(client):
    party = cast.party(cast.PARTY_A)
    assert "/staff/history/" not in client.get(party.get_absolute_url()).content.decode()
