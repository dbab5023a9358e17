"""Two staff act on the same request at the same moment: one wins, the other is told; nothing is lost."""

import threading

import pytest
from django.db import connection

from tahub.assistance import services
from tahub.assistance.models import State, TARequest
from tahub.core.workflow import Stale

from .conftest import complete_data


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
        except Stale as stale:
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


postgresql_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="SQLite serialises writers: the race needs PostgreSQL"
)


def _at_once(count, work):
    """Run work(i) in `count` threads released together; [(kind, detail)] of each: ("ok", result) or
    ("error", exception)."""
    barrier = threading.Barrier(count)
    outcomes = []

    def run(index):
        try:
            barrier.wait(timeout=10)
            outcomes.append(("ok", work(index)))
        except Exception as error:  # noqa: BLE001 — the test reports whatever a thread met
            outcomes.append(("error", error))
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_concurrent_filings_get_distinct_numbers(reference_data, party_a, contact_a):
    """Issue 19.8: max+1 without a lock gave two filings the same number (IntegrityError, a 500)."""
    outcomes = _at_once(
        6,
        lambda i: services.create_request(party=party_a, by=contact_a, data=complete_data(title=f"R{i}")).reference,
    )
    assert [kind for kind, _detail in outcomes] == ["ok"] * 6, outcomes
    references = sorted(detail for _kind, detail in outcomes)
    year = references[0].split("-")[1]
    assert references == [f"TA-{year}-{n:04d}" for n in range(1, 7)]


@postgresql_only
@pytest.mark.django_db(transaction=True)
def test_the_same_form_posted_twice_at_once_creates_one_draft(reference_data, party_a, contact_a):
    """Issue 18.9: a double click sends two posts together; the form's token makes one draft of them."""
    outcomes = _at_once(
        2,
        lambda i: services.create_request_once(
            creation_token="same-form", party=party_a, by=contact_a, data=complete_data()
        ),
    )
    assert [kind for kind, _detail in outcomes] == ["ok", "ok"], outcomes
    assert sorted(created for _kind, (_request, created) in outcomes) == [False, True]
    assert TARequest.objects.count() == 1
