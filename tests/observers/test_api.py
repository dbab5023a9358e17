"""API: meetings and observer bodies are public; applications need a staff member's API token."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.observers.models import ObserverApplication, Registration
from tests.accounts import cast

from .conftest import make_ngo, pdf, png

pytestmark = pytest.mark.django_db


def approved(meeting, organisation, by):
    return Registration.objects.create(
        meeting=meeting, organisation=organisation, name="Ana Pereira", name_key="ana-pereira", function="Adviser",
        photo=png().name, nomination_letter=pdf().name, registered_by=by, state="approved",
    )  # fmt: skip


def test_meetings_are_public(client, meeting):
    response = client.get("/api/v1/observer-meetings")
    assert response.status_code == 200
    assert response.json()["items"][0]["code"] == "cop-13"
    assert response.json()["items"][0]["time_zone"] == "Europe/Zurich"


def test_observers_of_a_meeting_are_public_without_personal_data(client, meeting, ngo, focal_point):
    approved(meeting, ngo, focal_point)
    make_ngo(slug="not-registered", name="Not registered")
    response = client.get(f"/api/v1/observer-meetings/{meeting.code}/observers")
    assert response.json()["items"] == [
        {"slug": "green-ngo", "name": "Green Chemistry Watch", "kind": "ngo", "country": "UGA"}
    ]
    assert "Ana" not in response.content.decode()


def test_unknown_meeting_is_a_404_that_says_so(client):
    response = client.get("/api/v1/observer-meetings/cop-99/observers")
    assert response.status_code == 404
    assert response.json()["detail"] == "No meeting open to observers has the code “cop-99”."


def test_applications_need_a_token(client):
    response = client.get("/api/v1/observer-applications")
    assert response.status_code == 401


def test_applications_are_refused_to_non_staff_with_the_reason(client, ngo, focal_point):
    token = create_api_token(user=focal_point)
    response = client.get("/api/v1/observer-applications", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 403
    assert response.json() == {"detail": "Only the Secretariat reviews observer applications.", "errors": []}


def test_staff_list_applications_filtered_by_state(client, ngo):
    token = create_api_token(user=cast.staff("s@secretariat.example"))
    headers = {"Authorization": f"Bearer {token}"}
    response = client.get("/api/v1/observer-applications?state=admitted", headers=headers)
    items = response.json()["items"]
    assert [(i["name"], i["state"], i["organisation"]) for i in items] == [
        ("Green Chemistry Watch", "admitted", "green-ngo")
    ]
    assert client.get("/api/v1/observer-applications?state=submitted", headers=headers).json()["items"] == []
    assert client.get("/api/v1/observer-applications?state=nosuch", headers=headers).status_code == 422
    assert ObserverApplication.objects.count() == 1
