"""API of a centre's lifecycle: work plans, evidence, nominations, evaluations and Parties' feedback."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.accounts.tokens import create_api_token
from tahub.centres.models import Activity, Evaluation, Feedback, Nomination, RegionalCentre, ReportingPeriod, WorkPlan
from tests.accounts import cast

pytestmark = pytest.mark.django_db

JSON = "application/json"
PDF = b"%PDF-1.4\n%%EOF\n"


def bearer(user):
    return {"Authorization": f"Bearer {create_api_token(user=user, name='t')}"}


def pdf(name="plan.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def member(centre):
    return bearer(cast.member("staff@icipe.example", centre.organisation))


@pytest.fixture
def staff():
    return bearer(cast.staff("s@secretariat.example"))


PLAN = {"start_year": 2026, "end_year": 2029, "objectives": "Train customs officers.", "planned_activities": "Six."}


def test_members_draft_and_submit_a_work_plan_staff_approve_it(client, centre, member, staff):
    base = "/api/v1/centres/scrc-kenya/work-plans"
    drafted = client.post(base, {**PLAN, "document": pdf()}, headers=member)
    assert drafted.status_code == 201, drafted.content
    assert drafted.json()["state"] == "draft" and drafted.json()["document"].startswith("plan")
    pk = drafted.json()["id"]
    early = client.post(f"{base}/{pk}/approve", {"decision": "SC-7/17"}, content_type=JSON, headers=staff)
    assert early.status_code == 422  # not submitted yet
    assert client.post(f"{base}/{pk}/submit", headers=member).json()["state"] == "submitted"
    by_member = client.post(f"{base}/{pk}/approve", {"decision": "SC-7/17"}, content_type=JSON, headers=member)
    assert by_member.status_code == 403
    unknown = client.post(f"{base}/{pk}/approve", {"decision": "SC-99/1"}, content_type=JSON, headers=staff)
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "decision"
    approved = client.post(f"{base}/{pk}/approve", {"decision": "SC-7/17"}, content_type=JSON, headers=staff)
    assert approved.status_code == 200 and approved.json()["approved_by"] == "SC-7/17"
    assert [p["state"] for p in client.get(base, headers=member).json()] == ["approved"]


def test_bad_work_plans_are_422_naming_the_field_and_outsiders_are_refused(client, centre, member):
    base = "/api/v1/centres/scrc-kenya/work-plans"
    backwards = client.post(base, {**PLAN, "end_year": 2025}, headers=member)
    assert backwards.status_code == 422 and backwards.json()["errors"][0]["field"] == "end_year"
    fake = client.post(base, {**PLAN, "document": pdf(content=b"MZ" * 8)}, headers=member)
    assert fake.status_code == 422 and fake.json()["errors"][0]["field"] == "document"
    outsider = bearer(cast.user("someone@example.org"))
    assert client.post(base, PLAN, headers=outsider).status_code == 403
    assert client.get(base, headers=outsider).status_code == 403
    assert WorkPlan.objects.count() == 0


def test_evidence_is_uploaded_on_an_activity_of_the_draft(client, centre, member):
    period = ReportingPeriod.objects.create(
        title="2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )
    base = f"/api/v1/centres/scrc-kenya/reports/{period.pk}"
    client.post("/api/v1/centres/scrc-kenya/reports", {"period": period.pk}, content_type=JSON, headers=member)
    activity = {"title": "PCB training", "type": "training", "start": "2025-03-01", "end": "2025-03-02",
                "parties_benefited": ["KEN"]}  # fmt: skip
    logged = client.post(f"{base}/activities", activity, content_type=JSON, headers=member).json()
    pk = logged["activities"][0]["id"]
    assert logged["activities"][0]["evidence"] is None
    fake = client.post(f"{base}/activities/{pk}/evidence", {"evidence": pdf("list.pdf", b"GIF89a")}, headers=member)
    assert fake.status_code == 422 and fake.json()["errors"][0]["field"] == "evidence"
    uploaded = client.post(f"{base}/activities/{pk}/evidence", {"evidence": pdf("list.pdf")}, headers=member)
    assert uploaded.status_code == 200 and uploaded.json()["activities"][0]["evidence"].startswith("list")
    assert client.post(f"{base}/activities/999999/evidence", {"evidence": pdf()}, headers=member).status_code == 404
    client.post(f"{base}/submit", headers=member)
    closed = client.post(f"{base}/activities/{pk}/evidence", {"evidence": pdf("late.pdf")}, headers=member)
    assert closed.status_code == 422 and "submitted" in closed.json()["detail"]
    assert Activity.objects.get().evidence.name.rsplit("/", 1)[-1].startswith("list")


def test_staff_record_a_nomination_and_the_cops_decision(client, staff, member):
    base = "/api/v1/staff/centre-nominations"

    def data(**overrides):
        fields = {"institution": "Institut de chimie de Dakar", "host_country": "sen", "region": "AFR"}
        return {**fields, "dossier": pdf("dossier.pdf"), **overrides}

    assert client.post(base, data(), headers=member).status_code == 403
    bad = client.post(base, data(region="XYZ"), headers=staff)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "region"
    created = client.post(base, data(), headers=staff)
    assert created.status_code == 201, created.content
    url = f"{base}/{created.json()['id']}/decision"
    no_year = client.post(url, {"action": "endorse", "decision": "SC-7/17"}, content_type=JSON, headers=staff)
    assert no_year.status_code == 422 and no_year.json()["errors"][0]["field"] == "start_year"
    endorsed = client.post(
        url, {"action": "endorse", "decision": "SC-7/17", "start_year": 2026}, content_type=JSON, headers=staff
    )
    assert endorsed.status_code == 200 and endorsed.json()["state"] == "endorsed" and endorsed.json()["centre"]
    assert client.get(base, headers=staff).json()["count"] == 1
    assert Nomination.objects.get().centre.endorsements.count() == 1


def test_staff_evaluate_with_range_checks_and_complete(client, staff, member):
    started = client.post(
        "/api/v1/staff/centres/scrc-kenya/evaluations", {"start": "2025-01-01", "end": "2025-12-31"},
        content_type=JSON, headers=staff,
    )  # fmt: skip
    assert started.status_code == 201, started.content
    evaluation = started.json()
    base = f"/api/v1/staff/evaluations/{evaluation['id']}"
    out_of_range = client.post(f"{base}/scores/a", {"score": 5}, content_type=JSON, headers=staff)
    assert out_of_range.status_code == 422
    assert out_of_range.json()["errors"] == [
        {"location": "body", "field": "score", "message": "Give a score from 0 to 4 for this criterion."}
    ]
    assert client.post(f"{base}/scores/a", {"score": -1}, content_type=JSON, headers=staff).status_code == 422
    assert client.post(f"{base}/scores/zz", {"score": 1}, content_type=JSON, headers=staff).status_code == 404
    early = client.post(f"{base}/complete", headers=staff)
    assert early.status_code == 422 and "Score every criterion first" in early.json()["detail"]
    for score in evaluation["scores"]:
        response = client.post(
            f"{base}/scores/{score['criterion']}", {"score": 0, "comment": "None logged"}, content_type=JSON,
            headers=staff,
        )  # fmt: skip
        assert response.status_code == 200
    assert client.post(f"{base}/complete", headers=staff).json()["finalised_at"]
    final = client.post(f"{base}/scores/a", {"score": 1}, content_type=JSON, headers=staff)
    assert final.status_code == 422 and "final" in final.json()["detail"]
    assert client.get(base, headers=member).status_code == 403
    assert Evaluation.objects.get().finalised_at is not None


def test_a_partys_contact_point_gives_feedback_for_its_own_party_only(client, staff):
    contact = bearer(cast.contact_point("c@ken.example", "KEN"))
    url = "/api/v1/centres/scrc-kenya/feedback"
    given = client.post(
        url, {"party": "ken", "rating": 4, "comment": "Good training"}, content_type=JSON, headers=contact
    )
    assert given.status_code == 201 and given.json()["party"] == "KEN"
    other = client.post(url, {"party": "BRA", "rating": 1}, content_type=JSON, headers=contact)
    assert other.status_code == 403 and "own Party" in other.json()["detail"]
    too_high = client.post(url, {"party": "KEN", "rating": 6}, content_type=JSON, headers=contact)
    assert too_high.status_code == 422 and too_high.json()["errors"][0]["field"] == "rating"
    outsider = bearer(cast.user("someone@example.org"))
    assert client.post(url, {"party": "KEN", "rating": 3}, content_type=JSON, headers=outsider).status_code == 403
    assert [f["comment"] for f in client.get("/api/v1/staff/centres/scrc-kenya/feedback", headers=staff).json()] == [
        "Good training"
    ]
    assert Feedback.objects.count() == 1
