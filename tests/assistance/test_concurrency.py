"""Two staff act on the same request at the same moment: one wins, the other is told; nothing is lost."""

import threading

import pytest
from django.db import connection

from tahub.assistance import services
from tahub.assistance.models import State, TARequest


@pytest.mark.django_db(transaction=True)
def test_concurrent_triage_one_wins_the_other_is_told(reference_data, submitted, afr_focal_point, administrator):
    barrier = threading.Barrier(2)
    outcomes = []

    def act(user):
        try:
            request = TARequest.objects.get(pk=submitted.pk)
            barrier.wait(timeout=10)
            services.start_review(request, by=user, seen_state=State.SUBMITTED)
            outcomes.append(("won", user.email))
        except services.RequestStale as stale:
            outcomes.append(("told", str(stale)))
        finally:
            connection.close()

    threads = [threading.Thread(target=act, args=(user,)) for user in (afr_focal_point, administrator)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(kind for kind, _detail in outcomes) == ["told", "won"]
    winner = next(detail for kind, detail in outcomes if kind == "won")
    submitted.refresh_from_db()
    assert submitted.state == State.UNDER_REVIEW and submitted.owner.email == winner
    assert submitted.history.filter(history_change_reason="assistance.request.review_started").count() == 1
