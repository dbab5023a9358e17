"""Each demo account has its work waiting (issue 15.4): the provider has requests assigned to deliver, the regional
centre member a way to the centre's workspace, the donor its pledges, and the NGO observer its admission and a
meeting ahead to register representatives for."""

import pytest
from django.urls import reverse

from tahub.accounts.models import User
from tahub.assistance import selectors as assistance
from tahub.assistance.models import State
from tahub.demo.accounts import load_demo_accounts
from tahub.demo.generators import generate
from tahub.observers.models import ObserverMeeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    generate(scale=1, seed=1)
    load_demo_accounts()


def _dashboard(client, email):
    client.force_login(User.objects.get(email=email))
    return client.get(reverse("dashboard:home")).content.decode()


def test_the_demo_provider_has_requests_to_deliver(demo, client):
    member = User.objects.get(email="member.unitar@demo.tahub.localhost")
    states = set(assistance.assigned_requests(member).values_list("state", flat=True))
    assert {State.ASSIGNED, State.IN_DELIVERY} <= states
    assert "Report the delivery of GEN1-00005" in _dashboard(client, member.email)


def test_the_demo_centre_member_and_donor_find_their_pages_on_the_dashboard(demo, client):
    from tahub.centres.models import RegionalCentre

    centre = RegionalCentre.objects.get(organisation__memberships__user__email="member.centre@demo.tahub.localhost")
    assert reverse("centres:workspace", args=[centre.code]) in _dashboard(client, "member.centre@demo.tahub.localhost")
    assert reverse("funding:our_pledges") in _dashboard(client, "donor@demo.tahub.localhost")


def test_the_demo_donor_is_an_organisation_that_gives_and_delivers_nothing(demo, client):
    from tahub.demo.funding import DONOR_KINDS

    donor = User.objects.get(email="donor@demo.tahub.localhost").memberships.get().organisation
    assert donor.kind in DONOR_KINDS and donor.donors.filter(pledges__isnull=False).exists()
    assert User.objects.get(email="donor@demo.tahub.localhost").name == f"Demo donor ({donor.name})"
    page = _dashboard(client, "donor@demo.tahub.localhost")
    assert 'id="pledges"' in page and ('id="assigned"' in page) == donor.assignments.exists()


def test_the_demo_observer_is_admitted_and_has_a_meeting_to_register_for(demo, client):
    page = _dashboard(client, "observer.ngo@demo.tahub.localhost")
    assert "no role" not in page
    assert "Demo Network of Farmers Against Pesticides — Admitted" in page
    assert [m.code for m in ObserverMeeting.objects.all() if m.registration_open()] == ["cop-13"]
    index = client.get(reverse("observers:index")).content.decode()
    assert "Register representatives for Thirteenth meeting of the Conference of the Parties" in index
