import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from tahub.accounts.models import User
from tahub.assistance import selectors, service_levels
from tahub.assistance.models import Assignment, State, TARequest
from tahub.demo.generators import CHANGE_REASON, generate
from tahub.demo.ta_requests import DEMO_STATES, STEPS_TAKEN, YEARS
from tahub.directory.models import Organisation
from tahub.parties.models import Eligibility

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=datetime.UTC)
STAMPS = ("submitted_at", "reviewed_at", "decided_at", "delivered_at", "closed_at")
# Which timestamps each state has: the steps it has taken (assigned and in delivery stamp no field of their own).
STAMPED = {
    State.DRAFT: (),
    State.SUBMITTED: STAMPS[:1],
    State.UNDER_REVIEW: STAMPS[:2],
    State.INFO_NEEDED: STAMPS[:2],
    State.WITHDRAWN: STAMPS[:2],
    State.ACCEPTED: STAMPS[:3],
    State.DECLINED: STAMPS[:3],
    State.ASSIGNED: STAMPS[:3],
    State.IN_DELIVERY: STAMPS[:3],
    State.DELIVERED: STAMPS[:4],
    State.CLOSED: STAMPS,
}
FIELDS = (
    "reference",
    "party__country__iso3",
    "title",
    "description",
    "language",
    "state",
    "satisfaction",
    "feedback",
    "message",
    "desired_start",
    "desired_end",
    "created_at",
    *STAMPS,
)


def requests_of(seed):
    rows = TARequest.objects.filter(reference__startswith=f"GEN{seed}-").order_by("reference")
    return [
        (
            *values,
            sorted(r.themes.values_list("slug", flat=True)),
            sorted(r.assistance_types.values_list("slug", flat=True)),
            sorted(r.conventions.values_list("code", flat=True)),
            sorted(r.assignments.values_list("organisation__slug", flat=True)),
        )
        for r, values in zip(rows, rows.values_list(*FIELDS), strict=True)
    ]


def test_same_seed_and_moment_give_the_same_requests():
    generate(scale=1, seed=7, now=NOW)
    first = requests_of(7)
    TARequest.objects.filter(reference__startswith="GEN7-").delete()

    generate(scale=1, seed=7, now=NOW)

    assert requests_of(7) == first
    assert len(first) == 40


def test_another_seed_gives_other_requests():
    generate(scale=1, seed=7, now=NOW)
    generate(scale=1, seed=8, now=NOW)
    titles_7 = [row[2] for row in requests_of(7)]
    titles_8 = [row[2] for row in requests_of(8)]
    assert titles_7 != titles_8


def test_second_run_creates_no_request_tag_assignment_or_history():
    generate(scale=1, seed=3, now=NOW)
    counts = (
        TARequest.objects.count(),
        TARequest.themes.through.objects.count(),
        Assignment.objects.count(),
        TARequest.history.count(),
        Assignment.history.count(),
    )

    report = generate(scale=1, seed=3, now=NOW)

    assert report[1] == ("requests", 40, 0)
    assert (
        TARequest.objects.count(),
        TARequest.themes.through.objects.count(),
        Assignment.objects.count(),
        TARequest.history.count(),
        Assignment.history.count(),
    ) == counts


@pytest.fixture
def thousand_requests():
    generate(scale=2, seed=4, now=NOW)
    return list(TARequest.objects.filter(reference__startswith="GEN4-").prefetch_related("assignments"))


def test_timestamps_are_those_of_the_steps_the_state_has_taken(thousand_requests):
    for request in thousand_requests:
        stamped = tuple(field for field in STAMPS if getattr(request, field) is not None)
        assert stamped == STAMPED[request.state], request.reference


def test_timestamps_follow_each_other_and_lie_in_the_last_ten_years(thousand_requests):
    earliest = NOW - datetime.timedelta(days=YEARS * 365 + 20)
    for request in thousand_requests:
        moments = [request.created_at] + [getattr(request, f) for f in STAMPS if getattr(request, f) is not None]
        assert moments == sorted(moments), request.reference
        assert earliest <= moments[0] and moments[-1] <= NOW, request.reference
        # Its last step, which may be one that stamps no field of its own (assigned, delivery started).
        assert moments[-1] <= request.updated_at <= NOW, request.reference


def test_assignments_from_assigned_on_and_feedback_when_closed(thousand_requests):
    assigned_on = {s for s, taken in STEPS_TAKEN.items() if taken >= STEPS_TAKEN[State.ASSIGNED]}
    for request in thousand_requests:
        assert bool(request.assignments.all()) == (request.state in assigned_on), request.reference
        assert (request.satisfaction is not None) == (request.state == State.CLOSED), request.reference
        for assignment in request.assignments.all():
            assert request.decided_at <= assignment.created_at <= NOW


def test_most_requests_are_closed_some_open_some_overdue(thousand_requests):
    states = [r.state for r in thousand_requests]
    assert states.count(State.CLOSED) > len(states) / 2
    assert set(states) == set(State.values)
    overdue = TARequest.objects.filter(service_levels.overdue_q(NOW.date()), reference__startswith="GEN4-")
    assert overdue.exists()


def test_only_eligible_parties_request_assistance(thousand_requests):
    eligible = Eligibility.may_request_assistance()
    assert all(r.party.country.eligibility in eligible for r in thousand_requests)
    assert len({r.party_id for r in thousand_requests}) > 100


def test_history_has_one_generated_record_per_request_dated_at_its_last_step():
    generate(scale=1, seed=6, now=NOW)
    for request in TARequest.objects.filter(reference__startswith="GEN6-"):
        (record,) = request.history.all()
        assert (record.history_change_reason, record.history_date, record.state) == (
            CHANGE_REASON,
            request.updated_at,
            request.state,
        )


def test_generated_organisations_offer_themes_types_regions_and_languages():
    generate(scale=1, seed=2, now=NOW)
    for organisation in Organisation.objects.filter(slug__startswith="gen2-"):
        assert organisation.themes.count() >= 2
        assert organisation.assistance_types.count() >= 1
        assert organisation.country.region in organisation.regions_served.all()
        assert organisation.language_list[0] == "en"


def test_demo_kenya_contact_point_sees_its_requests_in_every_state():
    call_command("load_demo_data", stdout=StringIO())
    contact = User.objects.get(email="contact.ken@demo.tahub.localhost")

    ours = [r for r in selectors.request_list(contact) if r.party.country.iso3 == "KEN"]

    assert len(ours) >= len(DEMO_STATES)  # the first 16, and any the later ones drew
    assert {r.state for r in ours} == set(State.values)
