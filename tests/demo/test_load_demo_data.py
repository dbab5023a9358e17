from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from tahub.accounts.models import User
from tahub.demo.accounts import DEMO_PASSWORD
from tahub.directory.models import Organisation

pytestmark = pytest.mark.django_db


def test_load_demo_data_creates_accounts_and_the_scale_one_data_set():
    out = StringIO()
    call_command("load_demo_data", stdout=out)

    assert f"Demo accounts (password: {DEMO_PASSWORD}):" in out.getvalue()
    assert "admin@demo.tahub.localhost" in out.getvalue()
    assert User.objects.get(email="admin@demo.tahub.localhost").check_password(DEMO_PASSWORD)
    assert Organisation.objects.filter(slug__startswith="gen1-").count() == 50


def test_load_demo_data_twice_changes_nothing():
    call_command("load_demo_data", stdout=StringIO())
    users, orgs = User.objects.count(), Organisation.objects.count()
    history = Organisation.history.count()

    call_command("load_demo_data", stdout=StringIO())

    assert (User.objects.count(), Organisation.objects.count(), Organisation.history.count()) == (
        users,
        orgs,
        history,
    )


def test_load_demo_data_refused_outside_demo_mode_writes_nothing():
    with override_settings(DEMO_MODE=False), pytest.raises(CommandError, match="Demo data is refused"):
        call_command("load_demo_data", stdout=StringIO())
    assert User.objects.count() == 0
    assert Organisation.objects.filter(slug__startswith="gen").count() == 0


def test_load_demo_data_prints_an_account_for_every_role(client):
    from tahub.directory.models import ListingRequest
    from tahub.observers import selectors as observers
    from tahub.observers.models import FocalPoint

    out = StringIO()
    call_command("load_demo_data", stdout=out)
    printed = out.getvalue()
    for role in (
        "Secretariat administrator",
        "Regional focal point",
        "Official contact point",
        "Focal point, Kenya",
        "Provider member",
        "Regional centre member",
        "Donor",
        "NGO observer",
        "Applicant organisation",
    ):
        assert role in printed, role  # fmt: skip
    assert "/workspace/" in printed  # the centre account is told where its workspace is

    focal_point = FocalPoint.objects.select_related("organisation").get(user__email="observer.ngo@demo.tahub.localhost")
    assert observers.admission_status(focal_point.organisation) == "admitted"
    listing = ListingRequest.objects.get(contact_email="applicant@demo.tahub.localhost")
    assert listing.state == "info_needed" and f"/directory/join/{listing.token}/" in printed
    assert client.get(f"/directory/join/{listing.token}/").status_code == 200
    donor = User.objects.get(email="donor@demo.tahub.localhost")
    assert donor.check_password(DEMO_PASSWORD) and donor.memberships.get().organisation.donors.exists()
