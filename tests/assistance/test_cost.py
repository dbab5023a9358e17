"""What the queue and the API's request list fetch for a page (issue 13): only what they show.

The queue shows a request's Party, region and owner; it once prefetched every request's themes, types, chemicals,
conventions and assignments with their reports for the export (~24,000 Python calls a page). The API sends
each tag's code and each assignment's organisation, role and warning; it once built whole tags, organisations
and delivery reports (~7,600 calls a page)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tahub.accounts.tokens import create_api_token
from tahub.assistance import services

from .conftest import complete_data, login

pytestmark = pytest.mark.django_db


def _submitted(party, by, count=3):
    for i in range(count):
        r = services.create_request(party=party, by=by, data={**complete_data(), "title": f"Request {i}"})
        services.submit_request(r, by=by)


def _sql(client, path, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path, **headers)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_queue_fetches_no_tags_and_no_assignments(client, administrator, party_a, contact_a):
    _submitted(party_a, contact_a)
    login(client, administrator)
    # Leaving out the navigation's one count of what waits (its subqueries name every table).
    statements = [s for s in _sql(client, "/requests/queue/") if 'AS "n_' not in s]
    assert not [s for s in statements if "assistance_tarequest_" in s or "assistance_assignment" in s]
    assert any('"assistance_tarequest"' in s for s in statements)


def test_the_api_list_fetches_each_tag_by_its_code_and_no_report(client, administrator, party_a, contact_a):
    _submitted(party_a, contact_a)
    statements = _sql(client, "/api/v1/requests", HTTP_AUTHORIZATION=f"Bearer {create_api_token(user=administrator)}")
    themes = [s for s in statements if 'FROM "vocabularies_theme"' in s]
    assert themes and all('"vocabularies_theme"."name' not in s.split(" FROM ")[0] for s in themes)  # selected
    assert not [s for s in statements if "assistance_deliveryreport" in s]


def test_the_request_page_reads_the_persons_staff_roles_once(client, administrator, party_a, contact_a):
    # The page asks whether its reader may triage the request for several of its parts (rules.is_triager); each
    # read the staff roles again (one query and ~1,200 Python calls each): 51,933 → 48,295 calls (SQLite).
    _submitted(party_a, contact_a, count=1)
    reference = party_a.requests.get().reference
    login(client, administrator)
    statements = [s for s in _sql(client, f"/requests/{reference}/") if 'AS "n_' not in s]
    assert len([s for s in statements if 'FROM "accounts_staffrole"' in s]) == 1


@pytest.mark.parametrize("reader", ["contact_a", "administrator"])
def test_the_request_page_reads_the_persons_contact_points_once(request, client, party_a, contact_a, reader):
    # May they edit, withdraw, close it? Each asked `rules.is_party_contact` (an exists() query each); the view
    # now reads the person's contact points once (issue 13).
    _submitted(party_a, contact_a, count=1)
    reference = party_a.requests.get().reference
    login(client, request.getfixturevalue(reader))
    statements = [s for s in _sql(client, f"/requests/{reference}/") if 'AS "n_' not in s]
    assert len([s for s in statements if 'FROM "parties_contactpoint"' in s]) == 1


def test_the_request_page_asks_staff_no_assigned_provider_query(client, administrator, party_a, contact_a):
    # A triager may report and deliver; whether they are also an assigned provider's member is not asked.
    _submitted(party_a, contact_a, count=1)
    reference = party_a.requests.get().reference
    login(client, administrator)
    statements = [s for s in _sql(client, f"/requests/{reference}/") if 'AS "n_' not in s]
    assert not [s for s in statements if 'INNER JOIN "directory_membership"' in s]


def test_the_queue_and_the_request_page_do_not_join_the_filer(client, administrator, party_a, contact_a):
    # Only the filer's id is asked (rules.is_filer): their user row cost the queue ~27 Python calls a row.
    _submitted(party_a, contact_a, count=1)
    reference = party_a.requests.get().reference
    login(client, administrator)
    for path in ("/requests/queue/", f"/requests/{reference}/"):
        joins = [s for s in _sql(client, path) if re.search(r'"created_by_id" = (T\d+|"accounts_user")\."id"', s)]
        assert not joins, path
