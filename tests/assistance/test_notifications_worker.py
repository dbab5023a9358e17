"""A request's e-mails go through the real worker, only once the move commits, to the people concerned."""

import pytest
from django.conf import settings
from django.db import transaction

from tahub.assistance import services
from tests.worker import run_worker

from .conftest import complete_data

pytestmark = pytest.mark.django_db(transaction=True)


class Rollback(Exception):
    pass


def test_submission_and_decision_are_emailed_by_the_worker(
    reference_data, party_a, contact_a, afr_focal_point, tmp_path
):
    with transaction.atomic():
        request = services.create_request(party=party_a, by=contact_a, data=complete_data())
        services.submit_request(request, by=contact_a)
    (to_secretariat,) = run_worker(tmp_path / "1")
    assert f"To: {afr_focal_point.email}" in to_secretariat
    assert f"New technical assistance request {request.reference}" in to_secretariat
    assert f"{settings.SITE_URL}/requests/{request.reference}/" in to_secretariat

    with transaction.atomic():
        services.decline_request(
            services.start_review(request, by=afr_focal_point), by=afr_focal_point, reason="Already covered by GEF"
        )
    mails = run_worker(tmp_path / "2")
    assert len(mails) == 2 and all(f"To: {contact_a.email}" in m for m in mails)
    assert "Already covered by GEF" in mails[-1]


def test_a_rolled_back_move_sends_nothing(reference_data, party_a, contact_a, afr_focal_point, tmp_path):
    request = services.create_request(party=party_a, by=contact_a, data=complete_data())
    with pytest.raises(Rollback), transaction.atomic():
        services.submit_request(request, by=contact_a)
        raise Rollback
    assert run_worker(tmp_path) == []
