"""Pages: the application form and its private link, representatives, staff review, lists and exports."""

import io

import pytest
from django.test import Client
from django.utils import timezone
from openpyxl import load_workbook

from tahub.directory.models import Organisation
from tahub.observers.models import ObserverApplication, Registration
from tahub.parties.models import Country
from tests.accounts import cast

from .conftest import pdf, representative

pytestmark = pytest.mark.django_db


def application_form(**overrides):
    values = {
        "name": "Women Against Pesticides",
        "kind": "ngo",
        "country": Country.objects.get(iso3="SEN").pk,
        "description": "A network of farmers' associations.",
        "programmes": "Trainings on alternatives to endosulfan.",
        "contact_name": "Awa Ndiaye",
        "contact_email": "awa@wap.example.org",
        "documents": [pdf("statutes.pdf")],
    }
    values.update(overrides)
    return values


def test_anyone_applies_and_follows_by_private_link(client):
    response = client.post("/observers/apply/", application_form())
    application = ObserverApplication.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/observers/apply/{application.token}/"
    assert "Submitted" in client.get(response["Location"]).content.decode()


def test_exempt_category_is_told_no_application_is_needed(client):
    response = client.post("/observers/apply/", application_form(kind="un-agency"))
    assert response.status_code == 400
    assert "exempt from admission" in response.content.decode()
    assert ObserverApplication.objects.count() == 0


def test_staff_admit_from_the_review_page(client):
    client.post("/observers/apply/", application_form())
    application = ObserverApplication.objects.get()
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    assert client.get(f"/staff/observers/applications/{application.pk}/").status_code == 200
    response = client.post(f"/staff/observers/applications/{application.pk}/", {"action": "admit"})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.state == ObserverApplication.State.ADMITTED


def test_decline_without_reason_shows_the_error_beside_the_message(client):
    client.post("/observers/apply/", application_form())
    application = ObserverApplication.objects.get()
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    response = client.post(f"/staff/observers/applications/{application.pk}/", {"action": "decline", "message": ""})
    assert response.status_code == 400 and "Give the reason" in response.content.decode()


def test_staff_download_documents(client):
    client.post("/observers/apply/", application_form())
    application = ObserverApplication.objects.get()
    document = application.documents.get()
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    response = client.get(f"/staff/observers/applications/{application.pk}/documents/{document.pk}/")
    assert response.status_code == 200 and b"".join(response.streaming_content).startswith(b"%PDF")


def test_focal_point_registers_on_the_page(client, meeting, ngo, focal_point):
    cast.sign_in(client, focal_point)
    url = f"/observers/meetings/{meeting.code}/{ngo.slug}/"
    response = client.post(url, representative())
    assert response.status_code == 302
    assert Registration.objects.get().state == Registration.State.APPROVED
    response = client.post(url, representative(name="ANA PEREIRA"))
    assert response.status_code == 400 and "is already registered" in response.content.decode()


def test_member_proposes_focal_point_approves_on_the_page(client, meeting, ngo, focal_point, member):
    cast.sign_in(client, member)
    client.post(f"/observers/meetings/{meeting.code}/{ngo.slug}/", representative())
    registration = Registration.objects.get()
    assert client.post(f"/observers/registrations/{registration.pk}/decision/", {"action": "approve"}).status_code
    registration.refresh_from_db()
    assert registration.state == Registration.State.PROPOSED  # a member may not approve
    cast.sign_in(client, focal_point)
    client.post(f"/observers/registrations/{registration.pk}/decision/", {"action": "approve"})
    registration.refresh_from_db()
    assert registration.state == Registration.State.APPROVED


def test_outsider_may_not_open_an_organisations_registrations(client, meeting, ngo):
    cast.sign_in(client, cast.user("someone@example.org"))
    assert client.get(f"/observers/meetings/{meeting.code}/{ngo.slug}/").status_code == 403


def _observers(meeting, count):
    """`count` admitted NGOs with two approved representatives each, arranged in bulk (the services are tested
    one row at a time elsewhere)."""
    uganda = Country.objects.get(iso3="UGA")
    focal = cast.user("focal@ngos.example.org")
    organisations = Organisation.objects.bulk_create(
        Organisation(slug=f"ngo-{n}", name=f"NGO {n:03}", kind="ngo", country=uganda, listed=False)
        for n in range(count)
    )
    ObserverApplication.objects.bulk_create(
        ObserverApplication(organisation=o, name=o.name, kind="ngo", country=uganda, description="-", programmes="-",
                            contact_name="C", contact_email="c@example.org", state="admitted")
        for o in organisations
    )  # fmt: skip
    Registration.objects.bulk_create(
        Registration(meeting=meeting, organisation=o, name=person, name_key=person.lower(), function="Policy adviser",
                     photo="observers/photos/p.png", nomination_letter="observers/letters/l.pdf", registered_by=focal,
                     approved_by=focal, state="approved")
        for o in organisations
        for person in ("Ana Pereira", "Bo Li")
    )  # fmt: skip


@pytest.mark.parametrize("count", [3, 300])
def test_public_meeting_page_costs_fixed_queries_and_shows_no_personal_data(
    client, meeting, count, django_assert_max_num_queries
):
    _observers(meeting, count)
    with django_assert_max_num_queries(4):
        response = client.get(f"/observers/meetings/{meeting.code}/")
    body = response.content.decode()
    assert "NGO 002" in body and "Ana Pereira" not in body and "Policy adviser" not in body


@pytest.mark.parametrize("count", [3, 300])
def test_staff_list_costs_fixed_queries(client, meeting, count, django_assert_max_num_queries):
    _observers(meeting, count)
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    with django_assert_max_num_queries(9):  # 8, and the navigation's counts of the staff's own work
        response = client.get(f"/staff/observers/meetings/{meeting.code}/")
    assert response.status_code == 200 and "Ana Pereira, Policy adviser" in response.content.decode()


@pytest.mark.parametrize("count", [3, 300])
def test_index_costs_fixed_queries(client, meeting, count, django_assert_max_num_queries):
    _observers(meeting, count)
    with django_assert_max_num_queries(4):  # meetings, admitted bodies, exemptions, bodies exempt by status
        response = client.get("/observers/")
    assert "NGO 000" in response.content.decode()


def test_csv_export_lists_approved_representatives(client, meeting):
    _observers(meeting, 2)
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    response = client.get(f"/staff/observers/meetings/{meeting.code}/?export=csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert response["Content-Disposition"] == 'attachment; filename="observers-cop-13.csv"'
    assert lines[0] == "Organisation,Category,Country of seat,Admission,Representative,Function,Approved"
    today = timezone.localdate().isoformat()
    assert lines[1] == f"NGO 000,Non-governmental organisation,Uganda,Admitted,Ana Pereira,Policy adviser,{today}"
    assert len(lines) == 5


def test_xlsx_export(client, meeting):
    _observers(meeting, 1)
    cast.sign_in(client, cast.staff("s@secretariat.example"), second_factor=True)
    response = client.get(f"/staff/observers/meetings/{meeting.code}/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Organisation" and rows[1][:5] == ("NGO 000", "Non-governmental organisation", "Uganda",
                                                           "Admitted", "Ana Pereira")  # fmt: skip


def test_export_is_for_staff_only(client, meeting, ngo, focal_point):
    cast.sign_in(client, focal_point)
    assert client.get(f"/staff/observers/meetings/{meeting.code}/?export=csv").status_code == 403


def test_signed_in_applicant_follows_the_application_from_the_observers_page(client):
    applicant = cast.user("awa@wap.example.org")
    cast.sign_in(client, applicant)
    client.post("/observers/apply/", application_form())
    application = ObserverApplication.objects.get()
    assert application.submitted_by == applicant
    body = client.get("/observers/").content.decode()
    assert f'<a href="/observers/apply/{application.token}/">Women Against Pesticides</a>: Submitted' in body
    assert application.token not in Client().get("/observers/").content.decode()


def test_badge_photo_and_letter_for_the_focal_point_and_staff_only(client, meeting, ngo, focal_point, member):
    cast.sign_in(client, focal_point)
    client.post(f"/observers/meetings/{meeting.code}/{ngo.slug}/", representative())
    registration = Registration.objects.get()
    photo, letter = (f"/observers/registrations/{registration.pk}/{w}/" for w in ("photo", "nomination_letter"))
    page = client.get(f"/observers/meetings/{meeting.code}/{ngo.slug}/").content.decode()
    assert photo in page and letter in page
    assert b"".join(client.get(photo).streaming_content).startswith(b"\x89PNG")
    assert b"".join(client.get(letter).streaming_content).startswith(b"%PDF")
    staff = Client()
    cast.sign_in(staff, cast.staff("s@secretariat.example"), second_factor=True)
    assert photo in staff.get(f"/staff/observers/meetings/{meeting.code}/").content.decode()
    assert staff.get(letter).status_code == 200
    cast.sign_in(client, member)  # a member proposes, but only the focal point sees the files
    assert photo not in client.get(f"/observers/meetings/{meeting.code}/{ngo.slug}/").content.decode()
    assert client.get(photo).status_code == 404
    cast.sign_in(client, cast.user("someone@example.org"))
    assert client.get(letter).status_code == 404
    assert Client().get(letter).status_code == 404
    assert client.get(f"/observers/registrations/{registration.pk}/other/").status_code == 404
