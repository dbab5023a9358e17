"""The invitation e-mail goes through the real worker (manage.py db_worker), and only if the invitation commits.

These tests commit, so they use a flushed database (transactional_db) and reload the reference data; the
worker is a separate process reaching the same test database (a file for SQLite, or the PostgreSQL test
database), writing e-mails as files the test reads.
"""

import pytest
from django.conf import settings
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tahub.accounts import services
from tahub.accounts.models import Invitation
from tahub.parties.models import ContactPoint
from tests.worker import run_worker

from . import cast

pytestmark = pytest.mark.django_db(transaction=True)


class Rollback(Exception):
    pass


def _invite(by):
    return services.invite_contact_point(
        email="new@ministry.example", party=cast.party(cast.PARTY_A), kind=ContactPoint.Kind.OFFICIAL, by=by
    )


def test_the_worker_emails_a_committed_invitation(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    with transaction.atomic():
        invitation = _invite(admin)

    (mail,) = run_worker(tmp_path)

    assert "To: new@ministry.example" in mail
    assert f"{settings.SITE_URL}/invitations/accept/" in mail
    # the invitation task, and the delivery of its one e-mail (tahub/core/mail.py)
    assert sorted(DBTaskResult.objects.values_list("task_path", "status")) == [
        ("tahub.accounts.tasks.task_send_invitation", "SUCCESSFUL"),
        ("tahub.core.mail.task_deliver_email", "SUCCESSFUL"),
    ]
    assert Invitation.objects.get() == invitation


def test_a_rolled_back_invitation_leaves_no_task_and_no_email(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    with pytest.raises(Rollback), transaction.atomic():
        _invite(admin)
        raise Rollback

    mails = run_worker(tmp_path)

    assert (mails, Invitation.objects.count(), DBTaskResult.objects.count()) == ([], 0, 0)
