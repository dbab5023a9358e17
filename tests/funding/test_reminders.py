"""Donor reminders: pledges due and not fully paid, e-mailed by the real worker, at most once a month."""

import datetime

import pytest
from django.core.management import call_command

from tahub.funding import notifications
from tahub.funding.models import Pledge, PledgeEntry
from tests.accounts import cast
from tests.worker import run_worker

from .money import DAY, activity, donor, entry, pledge

pytestmark = pytest.mark.django_db(transaction=True)


def _pledges(admin):
    due, made = DAY - datetime.timedelta(days=1), DAY - datetime.timedelta(days=90)  # due on or after the pledge
    late = pledge(admin, donor(admin, name="Late", email="late@example.org"), "1000", due_on=due, activity=activity(),
                  pledged_on=made)  # fmt: skip
    entry(admin, late, PledgeEntry.Kind.RECEIPT, "250")
    paid = pledge(admin, donor(admin, name="Paid", email="paid@example.org"), "1000", due_on=due, pledged_on=made)
    entry(admin, paid, PledgeEntry.Kind.RECEIPT, "1000")
    pledge(admin, donor(admin, name="Not yet due", email="later@example.org"), "1000", due_on=DAY.replace(year=2035))
    pledge(admin, donor(admin, name="No address", email=""), "1000", due_on=due, pledged_on=made)
    return late


def test_the_command_queues_the_reminders_and_the_worker_sends_them(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    late = _pledges(admin)
    call_command("remind_donors")
    (mail,) = run_worker(tmp_path)
    assert "To: late@example.org" in mail
    assert "USD 750.00 outstanding" in mail and "Activity 11" in mail
    assert Pledge.objects.get(pk=late.pk).last_reminded_on is not None


def test_a_reminded_pledge_waits_thirty_days(reference_data):
    admin = cast.staff("admin@example.org")
    _pledges(admin)
    today = datetime.date.today()
    assert notifications.send_donor_reminders(today) == 1
    assert notifications.send_donor_reminders(today + datetime.timedelta(days=29)) == 0
    assert notifications.send_donor_reminders(today + datetime.timedelta(days=30)) == 1
