"""API of centres' activity reports: members open, log and submit; the Secretariat accepts; others are refused."""

import datetime

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.centres.models import ActivityReport, RegionalCentre, ReportingPeriod
from tests.accounts import cast

pytestmark = pytest.mark.django_db

JSON = "application/json"


def bearer(user):
    return {"Authorization": f"Bearer {create_api_token(user=user, name='t')}"}


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def period():
    return ReportingPeriod.objects.create(
        title="2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )


ACTIVITY = {
    "title": "Training on PCB inventories",
    "type": "training",
    "start": "2025-03-01",
    "end": "2025-03-02",
    "parties_benefited": ["KEN", "uga"],
    "themes": [],
    "budget": "1200.50",
}


def test_member_opens_logs_submits_and_staff_accept(client, centre, period):
    member = bearer(cast.member("staff@icipe.example", centre.organisation))
    base = "/api/v1/centres/scrc-kenya/reports"
    opened = client.post(base, {"period": period.pk}, content_type=JSON, headers=member)
    assert opened.status_code == 201 and opened.json()["state"] == "draft"
    empty = client.post(f"{base}/{period.pk}/submit", headers=member)
    assert empty.status_code == 422 and "Log the period's activities" in empty.json()["detail"]
    logged = client.post(f"{base}/{period.pk}/activities", ACTIVITY, content_type=JSON, headers=member)
    assert logged.status_code == 201, logged.content
    assert sorted(logged.json()["activities"][0]["parties_benefited"]) == ["KEN", "UGA"]
    assert client.post(f"{base}/{period.pk}/submit", headers=member).json()["state"] == "submitted"
    refused = client.post(f"{base}/{period.pk}/accept", headers=member)
    assert refused.status_code == 403
    staff = bearer(cast.staff("s@secretariat.example"))
    accepted = client.post(f"{base}/{period.pk}/accept", headers=staff)
    assert accepted.status_code == 200 and accepted.json()["accepted_at"]
    assert ActivityReport.objects.get().state == ActivityReport.State.ACCEPTED
    assert client.get("/api/v1/centres/scrc-kenya/activities").json()["count"] == 1  # still public once accepted


def test_unknown_codes_are_422_naming_the_field(client, centre, period):
    member = bearer(cast.member("staff@icipe.example", centre.organisation))
    base = "/api/v1/centres/scrc-kenya/reports"
    client.post(base, {"period": period.pk}, content_type=JSON, headers=member)
    response = client.post(
        f"{base}/{period.pk}/activities", {**ACTIVITY, "parties_benefited": ["XXX"]}, content_type=JSON, headers=member
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "parties_benefited"
    backwards = client.post(
        f"{base}/{period.pk}/activities", {**ACTIVITY, "end": "2025-02-01"}, content_type=JSON, headers=member
    )
    assert backwards.status_code == 422


def test_someone_outside_the_centre_is_refused(client, centre, period):
    outsider = bearer(cast.user("someone@example.org"))
    response = client.post(
        "/api/v1/centres/scrc-kenya/reports", {"period": period.pk}, content_type=JSON, headers=outsider
    )
    assert response.status_code == 403 and ActivityReport.objects.count() == 0
    assert client.get("/api/v1/centres/scrc-kenya/reports", headers=outsider).status_code == 403
    assert client.get("/api/v1/centres/scrc-kenya/reports").status_code == 401
