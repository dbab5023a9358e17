"""API of observer admission: a body applies with documents and follows by the private token; staff review
through the same services; members propose representatives and the focal point decides; staff list observers."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.accounts.tokens import create_api_token
from tahub.observers.models import FocalPoint, ObserverApplication, Registration
from tests.accounts import cast

from .conftest import PDF, make_meeting, make_ngo, pdf, png, representative

pytestmark = pytest.mark.django_db

JSON = "application/json"


def bearer(user):
    return {"Authorization": f"Bearer {create_api_token(user=user, name='t')}"}


def application(**overrides):
    data = {
        "name": "Pesticide Action Watch",
        "kind": "ngo",
        "country": "che",
        "description": "A network of NGOs working on pesticides.",
        "programmes": "Monitoring of POPs pesticides since 2001.",
        "contact_name": "M. Keller",
        "contact_email": "keller@paw.example",
        "documents": [pdf("statutes.pdf")],
    }
    data.update(overrides)
    return data


def test_a_body_applies_follows_answers_and_is_admitted_with_its_focal_point(client):
    applicant = cast.user("keller@paw.example")
    response = client.post("/api/v1/observer-applications", application(), headers=bearer(applicant))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == "submitted" and body["documents"][0].startswith("statutes")
    token = body["token"]
    followed = client.get(f"/api/v1/observer-applications/{token}")
    assert followed.status_code == 200 and "contact_email" not in followed.json()
    assert client.get("/api/v1/observer-applications/not-the-real-token").status_code == 404

    staff = bearer(cast.staff("s@secretariat.example"))
    pk = ObserverApplication.objects.get().pk
    url = f"/api/v1/staff/observer-applications/{pk}/decision"
    asked = client.post(url, {"action": "ask", "message": "Your annual report?"}, content_type=JSON, headers=staff)
    assert asked.status_code == 200 and asked.json()["state"] == "info_needed"
    answered = client.post(
        f"/api/v1/observer-applications/{token}/answer", {"answer": "Attached.", "documents": [pdf("report.pdf")]}
    )
    assert answered.status_code == 200 and answered.json()["state"] == "submitted"
    assert len(answered.json()["documents"]) == 2
    admitted = client.post(url, {"action": "admit"}, content_type=JSON, headers=staff)
    assert admitted.status_code == 200 and admitted.json()["state"] == "admitted"
    organisation = admitted.json()["organisation"]
    assert FocalPoint.objects.filter(user=applicant, organisation__slug=organisation).exists()
    again = client.post(url, {"action": "decline", "message": "No."}, content_type=JSON, headers=staff)
    assert again.status_code == 422 and "cannot be changed" in again.json()["detail"]


def test_decline_needs_a_reason_and_only_staff_review(client):
    client.post("/api/v1/observer-applications", application())
    pk = ObserverApplication.objects.get().pk
    url = f"/api/v1/staff/observer-applications/{pk}/decision"
    outsider = bearer(cast.user("someone@example.org"))
    refused = client.post(url, {"action": "admit"}, content_type=JSON, headers=outsider)
    assert refused.status_code == 403 and "Secretariat" in refused.json()["detail"]
    staff = bearer(cast.staff("s@secretariat.example"))
    no_reason = client.post(url, {"action": "decline"}, content_type=JSON, headers=staff)
    assert no_reason.status_code == 422 and no_reason.json()["errors"][0]["field"] == "message"
    declined = client.post(url, {"action": "decline", "message": "Not in the field."}, content_type=JSON, headers=staff)
    assert declined.status_code == 200 and declined.json()["reason"] == "Not in the field."
    queue = client.get("/api/v1/observer-applications?state=declined", headers=staff).json()["items"]
    assert queue[0]["contact_email"] == "keller@paw.example" and queue[0]["documents"]


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"documents": [SimpleUploadedFile("s.pdf", b"MZ\x90\x00" * 8)]}, "documents", "not a real"),
        ({"country": "XXX"}, "country", "Unknown country"),
        ({"kind": "un-agency"}, "kind", "exempt from admission"),
        ({"name": "Green Chemistry Watch"}, "name", "already admitted"),
    ],
)
def test_bad_applications_are_422_naming_the_field_and_nothing_is_saved(client, overrides, field, message):
    make_ngo()
    response = client.post("/api/v1/observer-applications", application(**overrides))
    assert response.status_code == 422, response.content
    error = response.json()["errors"][0]
    assert error["field"] == field and message in error["message"]
    assert ObserverApplication.objects.count() == 1  # only the admitted NGO's


def test_a_bad_token_on_an_application_is_401(client):
    response = client.post("/api/v1/observer-applications", application(), headers={"Authorization": "Bearer nope"})
    assert response.status_code == 401 and ObserverApplication.objects.count() == 0


def test_a_member_proposes_and_the_focal_point_approves(client, meeting, ngo, focal_point, member):
    url = f"/api/v1/observer-meetings/{meeting.code}/organisations/{ngo.slug}/registrations"
    proposed = client.post(url, representative(), headers=bearer(member))
    assert proposed.status_code == 201, proposed.content
    assert proposed.json()["state"] == "proposed" and proposed.json()["photo"] is None  # files: focal point only
    pk = proposed.json()["id"]
    decision = f"/api/v1/observer-registrations/{pk}/decision"
    by_member = client.post(decision, {"action": "approve"}, content_type=JSON, headers=bearer(member))
    assert by_member.status_code == 403 and "focal point" in by_member.json()["detail"]
    focal = bearer(focal_point)
    approved = client.post(decision, {"action": "approve"}, content_type=JSON, headers=focal)
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    assert approved.json()["photo"] == f"/observers/registrations/{pk}/photo/"
    direct = client.post(url, representative("Bo Lindqvist"), headers=focal)
    assert direct.status_code == 201 and direct.json()["state"] == "approved"
    duplicate = client.post(url, representative(), headers=focal)
    assert duplicate.status_code == 422 and duplicate.json()["errors"][0]["field"] == "name"
    listed = client.get(url, headers=bearer(member)).json()
    assert [r["name"] for r in listed] == ["Ana Pereira", "Bo Lindqvist"]


def test_bad_uploads_and_a_late_registration_are_422_and_nothing_is_saved(client, ngo, focal_point):
    meeting = make_meeting(deadline_days=5)
    url = f"/api/v1/observer-meetings/{meeting.code}/organisations/{ngo.slug}/registrations"
    focal = bearer(focal_point)
    pdf_as_photo = client.post(url, representative(photo=pdf("photo.pdf")), headers=focal)
    assert pdf_as_photo.status_code == 422 and pdf_as_photo.json()["errors"][0]["field"] == "photo"
    fake_letter = png("letter.pdf")
    bad_letter = client.post(url, representative(nomination_letter=fake_letter), headers=focal)
    assert bad_letter.status_code == 422 and bad_letter.json()["errors"][0]["field"] == "nomination_letter"
    late = make_meeting(code="poprc-21", deadline_days=-1)
    closed = client.post(late_url := url.replace(meeting.code, late.code), representative(), headers=focal)
    assert closed.status_code == 422 and "closed" in closed.json()["detail"], late_url
    assert Registration.objects.count() == 0
    assert PDF  # the fixtures' real PDF stays valid


def test_another_organisations_registrations_answer_404(client, meeting, ngo, focal_point):
    url = f"/api/v1/observer-meetings/{meeting.code}/organisations/{ngo.slug}/registrations"
    registration = client.post(url, representative(), headers=bearer(focal_point)).json()
    other = make_ngo(slug="other-ngo", name="Other NGO")
    outsider = bearer(cast.member("m@other.example", other))
    assert client.get(url, headers=outsider).status_code == 404
    assert client.post(url, representative("Eve"), headers=outsider).status_code == 404
    decision = f"/api/v1/observer-registrations/{registration['id']}/decision"
    assert client.post(decision, {"action": "refuse"}, content_type=JSON, headers=outsider).status_code == 404
    assert client.get(url).status_code == 401
    assert Registration.objects.count() == 1


def test_staff_list_the_observers_at_a_meeting_with_representatives(client, meeting, ngo, focal_point):
    url = f"/api/v1/observer-meetings/{meeting.code}/organisations/{ngo.slug}/registrations"
    client.post(url, representative(), headers=bearer(focal_point))
    staff_url = f"/api/v1/staff/observer-meetings/{meeting.code}/observers"
    items = client.get(staff_url, headers=bearer(cast.staff("s@secretariat.example"))).json()["items"]
    assert [(i["slug"], i["admission"], [r["name"] for r in i["representatives"]]) for i in items] == [
        ("green-ngo", "admitted", ["Ana Pereira"])
    ]
    assert client.get(staff_url, headers=bearer(focal_point)).status_code == 403
    assert (
        client.get(staff_url.replace(meeting.code, "cop-99"), headers=bearer(cast.staff("t@s.example"))).status_code
        == 404
    )
