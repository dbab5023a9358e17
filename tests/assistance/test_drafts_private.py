"""A draft is the Party's alone (issue 17.1): the form promises "The Secretariat sees the request only once you
submit it". Staff and providers meet it nowhere (queue, page, edit, API, exports, admin, counts) until then."""

import io

import pytest
from django.contrib.admin.sites import site
from django.test import RequestFactory
from openpyxl import load_workbook

from tahub.accounts.tokens import create_api_token
from tahub.assistance import selectors, services
from tahub.assistance.models import TARequest

from .conftest import complete_data, login

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user)}"}


def test_staff_meet_a_partys_draft_nowhere(client, draft, administrator, afr_focal_point):
    ref = draft.reference
    for person in (administrator, afr_focal_point):
        client.logout()
        login(client, person)
        queue = client.get("/requests/queue/")
        assert [r.reference for r, _s in queue.context["rows"]] == []
        assert client.get("/requests/queue/", {"state": "draft"}).context["page"].paginator.count == 0
        assert client.get(f"/requests/{ref}/").status_code == 404
        assert client.get(f"/requests/{ref}/edit/").status_code == 404
        assert client.post(f"/requests/{ref}/submit/", {"seen_state": "draft"}).status_code == 404
        csv = b"".join(client.get("/requests/queue/", {"export": "csv"}).streaming_content).decode()
        assert ref not in csv
        xlsx = client.get("/requests/queue/", {"export": "xlsx"})
        assert [row[0] for row in load_workbook(io.BytesIO(xlsx.content)).active.values][1:] == []
        headers = bearer(person)
        assert client.get(f"/api/v1/requests/{ref}", **headers).status_code == 404
        assert client.get("/api/v1/requests", **headers).json()["count"] == 0
        patch = client.patch(
            f"/api/v1/requests/{ref}", {"title": "Changed", "version": 0}, content_type="application/json", **headers
        )
        assert patch.status_code == 404
    draft.refresh_from_db()
    assert draft.title == complete_data()["title"]


def test_the_draft_appears_to_staff_once_submitted(client, draft, contact_a, afr_focal_point):
    login(client, afr_focal_point)
    assert client.get(f"/requests/{draft.reference}/").status_code == 404
    services.submit_request(draft, by=contact_a)
    assert client.get(f"/requests/{draft.reference}/").status_code == 200
    assert [r.reference for r, _s in client.get("/requests/queue/").context["rows"]] == [draft.reference]


def test_the_party_and_the_staff_member_who_recorded_a_letter_see_its_draft(
    client, party_a, contact_a, administrator, afr_focal_point
):
    letter = services.create_request(party=party_a, by=administrator, data=complete_data(), received_by_letter=True)
    assert selectors.request_get(administrator, letter.reference) == letter
    assert administrator.has_perm("assistance.change_request", letter)
    assert contact_a.has_perm("assistance.view_request", letter)
    assert not afr_focal_point.has_perm("assistance.view_request", letter)
    assert list(selectors.requests_visible_to(afr_focal_point)) == []


def test_rules_and_selector_agree_for_staff_and_providers(draft, administrator, provider_member):
    for person in (administrator, provider_member):
        assert not person.has_perm("assistance.view_request", draft)
        assert not person.has_perm("assistance.change_request", draft)
        assert not person.has_perm("assistance.triage_request", draft)
        assert draft not in selectors.requests_visible_to(person)


def test_the_admin_lists_no_draft(party_a, contact_a, submitted, administrator):
    services.create_request(party=party_a, by=contact_a, data=complete_data(title="Still a draft"))
    request = RequestFactory().get("/admin/assistance/tarequest/")
    request.user = administrator
    assert list(site._registry[TARequest].get_queryset(request)) == [submitted]


def test_public_counts_leave_drafts_out(client, party_a, contact_a, draft):
    services.submit_request(services.create_request(party=party_a, by=contact_a, data=complete_data()), by=contact_a)
    assert client.get("/requests/statistics/").context["stats"]["total"] == 1


def test_a_partys_matrix_counts_no_draft(party_a, contact_a, draft):
    """The needs matrix (shown to the Party and to the Secretariat) counts requests, never drafts."""
    from types import SimpleNamespace

    from tahub.needs.selectors import matrix

    rows = {row.theme: row for row in matrix.party_matrix(SimpleNamespace(pk=0), party_a, show_offers=False)}
    assert "inventories" not in rows  # the draft's themes
    services.submit_request(draft, by=contact_a)
    rows = {row.theme: row for row in matrix.party_matrix(SimpleNamespace(pk=0), party_a, show_offers=False)}
    assert rows["inventories"].requests == {"submitted": 1}
