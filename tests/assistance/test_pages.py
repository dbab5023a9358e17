"""The request pages: filing, the Party's list, the staff queue and its exports, actions, statistics."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from tahub.assistance import services
from tahub.assistance.models import State, TARequest
from tahub.vocabularies.models import AssistanceType, Theme

from .conftest import complete_data, login

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def form_data(**overrides):
    data = {
        "party": "KEN",
        "title": "Laboratory training for POPs analysis",
        "description": "Our national laboratory needs training to analyse new POPs in food and the environment.",
        "themes": [Theme.objects.get(slug="laboratory-analysis").pk],
        "assistance_types": [AssistanceType.objects.get(slug="training").pk],
        "conventions": [3],
        "language": "en",
    }
    data["conventions"] = [c.pk for c in complete_data()["conventions"]]
    data.update(overrides)
    return data


def test_contact_point_files_a_draft_with_an_attachment_then_submits(client, contact_a, afr_focal_point):
    login(client, contact_a)
    upload = SimpleUploadedFile("terms.pdf", PDF, content_type="application/pdf")
    response = client.post("/requests/new/", {**form_data(), "attachment": upload})
    request = TARequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/requests/{request.reference}/"
    assert request.attachments.count() == 1
    response = client.post(f"/requests/{request.reference}/submit/", {"seen_state": "draft"})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.state == State.SUBMITTED and request.owner == afr_focal_point


def test_disguised_executable_is_refused_and_nothing_is_saved(client, contact_a):
    login(client, contact_a)
    upload = SimpleUploadedFile("report.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, content_type="application/pdf")
    response = client.post("/requests/new/", {**form_data(), "attachment": upload})
    assert response.status_code == 200
    assert "report.pdf is not a real PDF file" in response.content.decode()
    assert TARequest.objects.count() == 0


def test_oversized_attachment_is_refused(client, contact_a, settings):
    login(client, contact_a)
    big = SimpleUploadedFile("big.pdf", PDF + b"0" * (10 * 1024 * 1024), content_type="application/pdf")
    response = client.post("/requests/new/", {**form_data(), "attachment": big})
    assert "the limit is 10" in response.content.decode()
    assert TARequest.objects.count() == 0


def test_incomplete_submission_shows_field_messages(client, contact_a, party_a):
    draft = services.create_request(party=party_a, by=contact_a, data={"title": "PCB", "description": "short"})
    login(client, contact_a)
    response = client.post(f"/requests/{draft.reference}/submit/", {"seen_state": "draft"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Choose at least one theme." in body and "Choose at least one type of assistance." in body


def test_developed_party_sees_why_it_cannot_request(client, contact_a):
    from tahub.parties.models import ContactPoint, Party

    ContactPoint.objects.create(user=contact_a, party=Party.objects.get(country__iso3="DEU"), kind="official")
    login(client, contact_a)
    response = client.get("/requests/new/", {"party": "DEU"})
    assert "Germany is classed as a developed country" in response.content.decode()


def test_other_party_gets_404_not_403(client, submitted, focal_b):
    login(client, focal_b)
    assert client.get(f"/requests/{submitted.reference}/").status_code == 404
    assert client.post(f"/requests/{submitted.reference}/withdraw/", {"seen_state": "submitted"}).status_code == 404


def test_staff_accepts_and_assigns_through_the_page(client, submitted, afr_focal_point, provider):
    login(client, afr_focal_point)
    ref = submitted.reference
    assert client.post(f"/requests/{ref}/start-review/", {"seen_state": "submitted"}).status_code == 302
    assert client.post(f"/requests/{ref}/accept/", {"seen_state": "under_review"}).status_code == 302
    response = client.post(f"/requests/{ref}/assign/", {"seen_state": "accepted", "organisations": [provider.pk]})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == State.ASSIGNED


def test_stale_page_tells_the_second_person(client, submitted, afr_focal_point, administrator):
    services.start_review(submitted, by=afr_focal_point)
    login(client, administrator)
    response = client.post(f"/requests/{submitted.reference}/start-review/", {"seen_state": "submitted"}, follow=True)
    body = response.content.decode()
    assert "This request was moved to “Under review” by afr@secretariat.example at" in body
    assert "since you opened the page" in body


def test_provider_sees_assigned_requests_only(
    client, submitted, afr_focal_point, provider, provider_member, party_a, contact_a
):
    other = services.submit_request(
        services.create_request(party=party_a, by=contact_a, data=complete_data(title="Other")), by=contact_a
    )
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    login(client, provider_member)
    response = client.get("/requests/")
    assert [x.reference for x in response.context["assigned_requests"]] == [submitted.reference]
    assert client.get(f"/requests/{other.reference}/").status_code == 404


def test_queue_filters_and_exports_what_is_filtered(client, submitted, administrator, party_b, focal_b):
    brazil = services.create_request(party=party_b, by=focal_b, data=complete_data(title="Brazil request"))
    services.submit_request(brazil, by=focal_b)
    login(client, administrator)
    response = client.get("/requests/queue/", {"region": "AFR"})
    assert [r.reference for r, _s in response.context["rows"]] == [submitted.reference]
    csv_response = client.get("/requests/queue/", {"region": "AFR", "export": "csv"})
    lines = b"".join(csv_response.streaming_content).decode().splitlines()
    assert len(lines) == 2 and lines[1].startswith(submitted.reference)
    xlsx = client.get("/requests/queue/", {"region": "GRULAC", "export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(xlsx.content)).active.values)
    assert rows[0][0] == "Reference" and [r[1] for r in rows[1:]] == ["Brazil"]


def test_queue_is_for_staff_only(client, contact_a):
    login(client, contact_a)
    assert client.get("/requests/queue/").status_code == 403


def test_public_statistics_are_anonymous(client, submitted):
    response = client.get("/requests/statistics/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and "<td>African States</td>" in body
    assert submitted.title not in body and "Kenya" not in body


@pytest.mark.parametrize("count", [3, 300])
def test_queue_costs_a_fixed_number_of_queries(
    client, administrator, party_a, contact_a, count, django_assert_max_num_queries
):
    data = complete_data()
    for i in range(count):
        r = services.create_request(party=party_a, by=contact_a, data={**data, "title": f"Request {i}"})
        services.submit_request(r, by=contact_a)
    login(client, administrator)
    with django_assert_max_num_queries(15):
        response = client.get("/requests/queue/")
    assert response.context["page"].paginator.count == count
    assert len(response.context["rows"]) == min(count, 50)  # one page at a time


def test_staff_see_suggested_providers_with_reasons(client, submitted, afr_focal_point):
    from tahub.directory.models import Organisation
    from tahub.vocabularies.models import Theme

    # Both of the request's themes: the regional centres offer one of them (stockpiles) and would fill the list.
    Organisation.objects.get(slug="unitar").themes.add(
        *Theme.objects.filter(slug__in=["inventories", "stockpiles-wastes"])
    )
    login(client, afr_focal_point)
    response = client.get(f"/requests/{submitted.reference}/")
    assert "Suggested providers" not in response.content.decode()  # not yet under review
    services.start_review(submitted, by=afr_focal_point)
    body = client.get(f"/requests/{submitted.reference}/").content.decode()
    assert "Suggested providers" in body and "offers Inventories of POPs" in body


def test_assigned_provider_reports_delivery_with_evidence(
    client, submitted, afr_focal_point, provider, provider_member
):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    _r, (assignment,) = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    login(client, provider_member)
    url = f"/requests/{r.reference}/deliveries/new/"
    today = timezone.localdate()
    later = (today + datetime.timedelta(days=1)).isoformat()
    bad = client.post(url, {"assignment": assignment.pk, "start": later, "end": today, "activities": "x"})
    assert "The end must come after the start." in bad.content.decode()
    evidence = SimpleUploadedFile("participants.pdf", PDF, content_type="application/pdf")
    data = {
        "assignment": assignment.pk,
        "start": today.isoformat(),
        "end": today.isoformat(),
        "activities": "Three-day training of 25 laboratory staff in Nairobi",
        "parties_benefited": [r.party.pk],
        "document": evidence,
    }
    assert client.post(url, data).status_code == 302
    report = assignment.reports.get()
    assert list(report.parties_benefited.all()) == [r.party] and report.document.name.endswith(".pdf")
    assert "Three-day training" in client.get(f"/requests/{r.reference}/").content.decode()


def test_unassigned_provider_may_not_report(client, submitted, provider_member):
    login(client, provider_member)
    assert client.get(f"/requests/{submitted.reference}/deliveries/new/").status_code == 404


def _many_requests(party, by, count):
    data = complete_data()
    for i in range(count):
        services.submit_request(services.create_request(party=party, by=by, data={**data, "title": f"R{i}"}), by=by)


@pytest.mark.parametrize("count", [3, 300])
def test_our_requests_costs_a_fixed_number_of_queries(client, party_a, contact_a, count, django_assert_max_num_queries):
    _many_requests(party_a, contact_a, count)
    login(client, contact_a)
    with django_assert_max_num_queries(15):  # 14 + the navigation's counts of what waits (one query)
        response = client.get("/requests/")
    page = response.context["party_page"]
    assert page.paginator.count == count and len(page.object_list) == min(count, 50)
    if count > 50:
        assert 'href="?page=2"' in response.content.decode()
        last = client.get("/requests/?page=6").context["party_page"]
        assert len(last.object_list) == 50 and last.number == 6


def test_statistics_are_cached_and_the_page_says_how_often_they_are_updated(client, party_a, contact_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _many_requests(party_a, contact_a, 2)
    first = client.get("/requests/statistics/")
    assert first.context["stats"]["total"] == 2 and "updated every 5 minutes" in first.content.decode()
    _many_requests(party_a, contact_a, 1)
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/requests/statistics/")
    assert not [q for q in queries.captured_queries if "assistance_tarequest" in q["sql"]]
    assert second.context["stats"]["total"] == 2  # stale by design, for at most the minutes the page states


def test_organisation_page_shows_its_assistance_record(client, party_a, contact_a, provider):
    from tahub.assistance.models import Assignment, State, TARequest

    _many_requests(party_a, contact_a, 2)
    delivered = TARequest.objects.order_by("pk").first()
    Assignment.objects.create(request=delivered, organisation=provider, role="training", assigned_by=contact_a)
    TARequest.objects.filter(pk=delivered.pk).update(state=State.DELIVERED, delivered_at="2025-06-01T10:00Z")
    body = client.get(provider.get_absolute_url()).content.decode()
    assert "Assistance record" in body and "<td>2025</td><td>1</td>" in body


@pytest.mark.parametrize("count", [3, 300])
def test_statistics_cost_a_fixed_number_of_queries(client, party_a, contact_a, count, django_assert_max_num_queries):
    _many_requests(party_a, contact_a, count)
    with django_assert_max_num_queries(8):
        response = client.get("/requests/statistics/")
    assert response.context["stats"]["total"] == count
