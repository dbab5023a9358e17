"""Two people editing one donor (issue 18.4): each save carries the version read; a stale one is refused, on the
page and in the API, with a message that names what the other person changed; nothing of it is saved."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.funding import services
from tahub.funding.models import Donor
from tests.api.stale_messages import is_stale_message

from .money import donor
from .pageform import form_fields

pytestmark = pytest.mark.django_db


def test_a_stale_save_of_the_donor_page_is_refused_naming_what_changed(staff_client, admin):
    given = donor(admin, name="A foundation", email="old@example.org")
    data = form_fields(staff_client.get(f"/staff/funding/donors/{given.pk}/").content.decode(), having="version")
    assert data["version"] == "1"
    services.save_donor(by=admin, data={"email": "theirs@example.org"}, donor=given, seen_version=1)  # meanwhile

    response = staff_client.post(f"/staff/funding/donors/{given.pk}/", data | {"name": "Mine"})
    assert response.status_code == 409
    page = response.content.decode()
    assert is_stale_message("donor", page) and "e-mail for reminders" in page and "Mine" in page
    saved = Donor.objects.get(pk=given.pk)
    assert (saved.name, saved.email, saved.version) == ("A foundation", "theirs@example.org", 2)


def test_a_fresh_save_of_the_donor_page_goes_through_and_raises_the_version(staff_client, admin):
    given = donor(admin, name="A foundation")
    data = form_fields(staff_client.get(f"/staff/funding/donors/{given.pk}/").content.decode(), having="version")
    assert staff_client.post(f"/staff/funding/donors/{given.pk}/", data | {"name": "Mine"}).status_code == 302
    saved = Donor.objects.get(pk=given.pk)
    assert (saved.name, saved.version) == ("Mine", 2)
    assert saved.history.latest().history_change_reason == "funding.donor.saved"


def test_a_stale_patch_of_a_donor_answers_409_naming_what_changed(client, admin):
    token = create_api_token(user=admin)
    given = donor(admin, name="A foundation")
    services.save_donor(by=admin, data={"name": "Renamed"}, donor=given, seen_version=1)

    def patch(data):
        return client.patch(f"/api/v1/donors/{given.pk}", data, content_type="application/json",
                            HTTP_AUTHORIZATION=f"Bearer {token}")  # fmt: skip

    response = patch({"email": "mine@example.org", "version": 1})
    assert response.status_code == 409
    assert is_stale_message("donor", response.json()["detail"]) and "name" in response.json()["detail"]
    assert Donor.objects.get(pk=given.pk).email == "donor@example.org"
    assert patch({"email": "mine@example.org"}).status_code == 422  # the version is required
    assert patch({"email": "mine@example.org", "version": 2}).status_code == 200
