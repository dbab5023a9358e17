"""A donor organisation's members see its pledges, and only its pledges (issue 15.4): the rule is
funding.view_pledge, the selector pledges_visible_to decides which rows."""

import pytest
from django.urls import reverse

from tahub.directory.models import Organisation
from tahub.funding import selectors, services
from tahub.funding.models import Donor
from tests.accounts import cast
from tests.funding import money

pytestmark = pytest.mark.django_db


@pytest.fixture
def pledges():
    admin = cast.staff("admin@example.org")
    unitar = Organisation.objects.get(slug="unitar")
    giving = services.save_donor(by=admin, data={"kind": Donor.Kind.ORGANISATION, "organisation": unitar})
    ours = money.pledge(admin, giving, amount="250000")
    theirs = money.pledge(admin, money.donor(admin, name="Another donor"), amount="999000")
    return admin, ours, theirs


def test_a_donors_member_sees_its_pledges_and_not_anothers(client, pledges):
    _admin, ours, theirs = pledges
    member = cast.member("member@unitar.example.org", Organisation.objects.get(slug="unitar"))

    assert member.has_perm("funding.view_pledge") and member.has_perm("funding.view_pledge", ours)
    assert not member.has_perm("funding.view_pledge", theirs)
    assert list(selectors.pledges_visible_to(member)) == [ours]

    client.force_login(member)
    page = client.get(reverse("funding:our_pledges")).content.decode()
    assert "250,000.00" in page and "999,000.00" not in page
    dashboard = client.get(reverse("dashboard:home")).content.decode()
    assert reverse("funding:our_pledges") in dashboard


def test_others_see_no_pledge_one_by_one(client, pledges):
    _admin, ours, _theirs = pledges
    outsider = cast.contact_point("contact@ken.example", "KEN")
    assert not outsider.has_perm("funding.view_pledge") and not outsider.has_perm("funding.view_pledge", ours)
    assert list(selectors.pledges_visible_to(outsider)) == []
    client.force_login(outsider)
    assert client.get(reverse("funding:our_pledges")).status_code == 403
    assert reverse("funding:our_pledges") not in client.get(reverse("dashboard:home")).content.decode()
