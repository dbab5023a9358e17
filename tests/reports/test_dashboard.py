"""The dashboard per role (issue 15.5): the page people land on after signing in shows what waits for them, each
with its deadline; the Secretariat's overview of the programme; both at a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tahub.assistance import service_levels, services
from tahub.events import services as events
from tests.accounts import cast
from tests.assistance.conftest import complete_data
from tests.core.test_navigation import cycle_inviting
from tests.events.conftest import letter, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact():
    return cast.contact_point("contact@ken.example", cast.PARTY_A)


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


def _submitted(contact, count, *, title="R"):
    party = cast.party(cast.PARTY_A)
    return [
        services.submit_request(
            services.create_request(party=party, by=contact, data=complete_data(title=f"{title}{i}")), by=contact
        )
        for i in range(count)
    ]


def test_signing_in_lands_on_the_dashboard(client, contact):
    response = client.post(reverse("account_login"), {"login": contact.email, "password": cast.PASSWORD})
    assert response.status_code == 302 and response.url == reverse("dashboard:home")
    assert client.get(response.url).status_code == 200


def test_a_contact_point_sees_its_questionnaire_with_its_deadline_and_its_drafts(client, contact):
    party = cast.party(cast.PARTY_A)
    cycle = cycle_inviting(party)
    draft = services.create_request(party=party, by=contact, data=complete_data(title="Inventory of PCB"))
    cast.sign_in(client, contact)
    body = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("needs:response", args=[cycle.slug, "KEN"]) in body
    assert f"due {cycle.deadline:%Y-%m-%d}" in body
    assert f"{draft.reference}: Inventory of PCB" in body
    assert "To review" not in body


def test_staff_see_requests_to_triage_with_their_service_level_and_nominations(client, contact, admin):
    (old,) = _submitted(contact, 1, title="Old")
    long_ago = timezone.now() - datetime.timedelta(days=30)
    type(old).objects.filter(pk=old.pk).update(submitted_at=long_ago)
    event = make_event()
    events.nominate(
        event, party=cast.party(cast.PARTY_A), by=contact, name="Bo Li", email="bo@ken.example", letter=letter()
    )
    cast.sign_in(client, admin, second_factor=True)
    response = client.get(reverse("dashboard:home"))
    (request, status, due) = response.context["board"]["triage"][0]
    assert request == old and status["overdue"] and due == service_levels.working_days_after(long_ago.date(), 10)
    body = response.content.decode()
    assert f'{due:%Y-%m-%d} <strong class="note">overdue</strong>' in body
    assert "1 nomination to approve" in body and f"{event.registration_deadline:%Y-%m-%d}" in body


def test_the_programme_overview_counts_requests_by_state_and_region(client, contact, admin):
    _submitted(contact, 2)
    cast.sign_in(client, admin, second_factor=True)
    overview = client.get(reverse("dashboard:programme")).context["overview"]
    assert overview["regions"] == ["African States"]
    assert overview["rows"] == [("Submitted", [2], 2)]
    assert overview["overdue_count"] == 0


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["dashboard:home", "dashboard:programme"])
def test_the_staff_pages_cost_a_fixed_number_of_queries(client, contact, admin, name, django_assert_max_num_queries):
    _submitted(contact, 3)
    cast.sign_in(client, admin, second_factor=True)
    small = _queries(client, reverse(name))
    _submitted(contact, 40, title="More")
    with django_assert_max_num_queries(small):
        client.get(reverse(name))
    assert small <= 25


def test_a_contact_points_dashboard_costs_a_fixed_number_of_queries(client, contact, django_assert_max_num_queries):
    party = cast.party(cast.PARTY_A)
    cycle_inviting(party)
    services.create_request(party=party, by=contact, data=complete_data())
    cast.sign_in(client, contact)
    small = _queries(client, reverse("dashboard:home"))
    for i in range(30):
        services.create_request(party=party, by=contact, data=complete_data(title=f"Draft {i}"))
    with django_assert_max_num_queries(small):
        client.get(reverse("dashboard:home"))
