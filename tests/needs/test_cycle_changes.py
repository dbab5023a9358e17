"""Staff open a cycle choosing its invitees and deadlines, change it before its first deadline; the live
response rate by region (needs and offers); a respondent asks to reopen a submitted response."""

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tahub.core.workflow import Stale
from tahub.directory.models import Organisation
from tahub.needs import notifications, services
from tahub.needs.models import Cycle, ReopenRequest, Response
from tahub.needs.selectors import respondents
from tahub.parties.models import Eligibility
from tahub.parties.selectors import party_list
from tests.accounts import cast
from tests.accounts.cast import sign_in

from . import world

pytestmark = pytest.mark.django_db


def staff_client(client, admin):
    return sign_in(client, admin, second_factor=True)


def _submitted(cycle, party, by):
    draft = services.save_answers(cycle=cycle, party=party, answers=world.complete_answers(cycle), by=by)
    return services.submit_response(draft, by=by)


# --- opening and changing a cycle ----------------------------------------------------------------------------


def test_the_open_form_ticks_the_default_invitees(client, admin, questionnaire):
    form = staff_client(client, admin).get(reverse("needs_staff:open")).context["form"]

    developed = set(party_list(eligibility=Eligibility.DEVELOPED).values_list("pk", flat=True))
    assert set(form.initial["offers_parties"]) == developed and developed
    assert set(form.initial["offers_organisations"]) == set(
        Organisation.objects.filter(listed=True).values_list("pk", flat=True)
    )
    assert cast.party("KEN").pk in form.initial["invited"]
    assert cast.party("DEU").pk not in form.initial["invited"]


def test_staff_open_a_cycle_with_their_own_invitees_and_every_deadline(client, admin, questionnaire, unitar):
    offers = world.offers_questionnaire()
    page = staff_client(client, admin).post(
        reverse("needs_staff:open"),
        {"slug": "n-27", "title": "2027", "period": "2027-2030", "deadline": "2027-06-30",
         "funding_deadline": "2027-07-31", "offers_deadline": "2027-08-31", "questionnaire": questionnaire.pk,
         "offers_questionnaire": offers.pk, "invited": [cast.party("KEN").pk, cast.party("NGA").pk],
         "offers_parties": [cast.party("DEU").pk], "offers_organisations": [unitar.pk], "confirm": "1"},
    )  # fmt: skip

    assert page.status_code == 302
    cycle = Cycle.objects.get(slug="n-27")
    assert [str(d) for d in (cycle.deadline, cycle.funding_deadline, cycle.offers_deadline)] == [
        "2027-06-30", "2027-07-31", "2027-08-31"
    ]  # fmt: skip
    assert sorted(p.country.iso3 for p in cycle.invited.all()) == ["KEN", "NGA"]
    assert [p.country.iso3 for p in cycle.offers_invited_parties.all()] == ["DEU"]
    assert list(cycle.offers_invited_organisations.all()) == [unitar]


def test_staff_change_a_cycle_before_its_first_deadline(cycle, admin, unitar):
    later = cycle.deadline + datetime.timedelta(days=30)
    DBTaskResult.objects.all().delete()

    changed = services.update_cycle(
        cycle, by=admin, version=cycle.version, title="Needs 2026 (extended)", deadline=later,
        funding_deadline=later + datetime.timedelta(days=10), offers_organisations=[unitar],
    )  # fmt: skip

    assert (changed.title, changed.deadline, changed.version) == ("Needs 2026 (extended)", later, cycle.version + 1)
    assert list(changed.offers_invited_organisations.all()) == [unitar]
    assert changed.invited.count() == cycle.invited.count()  # not given: unchanged
    assert changed.history.first().history_change_reason == "needs.cycle.changed"
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {"cycle_id": cycle.pk}  # new invitees only
    with pytest.raises(ValidationError) as stale:
        services.update_cycle(cycle, by=admin, version=cycle.version, title="Lost update")
    assert isinstance(stale.value, Stale) and stale.value.code == "stale" and stale.value.mine
    assert Cycle.objects.get(pk=cycle.pk).title == "Needs 2026 (extended)"


def test_a_cycle_cannot_change_once_its_first_deadline_is_reached(cycle, admin):
    Cycle.objects.filter(pk=cycle.pk).update(offers_deadline=timezone.localdate())
    cycle.refresh_from_db()
    with pytest.raises(ValidationError, match="first deadline"):
        services.update_cycle(cycle, by=admin, version=cycle.version, title="Too late")


def test_changing_a_cycle_keeps_the_answers_already_given(cycle, admin, party_a, contact_a):
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)
    other = world.questionnaire()
    other.pk = None
    other.version, other.code = 2030, "needs-other"
    other.save()

    with pytest.raises(ValidationError) as refused:
        services.update_cycle(
            cycle, by=admin, version=cycle.version, questionnaire=other,
            invited=cycle.invited.exclude(pk=party_a.pk),
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"questionnaire", "invited"}
    assert "Kenya" in refused.value.message_dict["invited"][0]
    with pytest.raises(PermissionDenied):
        services.update_cycle(cycle, by=contact_a, version=cycle.version, title="No")


def test_the_edit_page_refuses_a_stale_form_with_a_message(client, cycle, admin):
    staff_client(client, admin)
    form = client.get(reverse("needs_staff:edit", args=[cycle.slug])).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data["title"] = "Changed twice"
    services.update_cycle(cycle, by=admin, version=cycle.version, title="Changed first")

    page = client.post(reverse("needs_staff:edit", args=[cycle.slug]), data)

    assert page.status_code == 409
    assert re.search(
        r"You saved this [\w ]*cycle yourself at", page.content.decode()
    )  # the same person: not "someone else"
    assert Cycle.objects.get(pk=cycle.pk).title == "Changed first"
    data["version"] = cycle.version + 1
    assert client.post(reverse("needs_staff:edit", args=[cycle.slug]), data).status_code == 302
    assert Cycle.objects.get(pk=cycle.pk).title == "Changed twice"


# --- the response rate -----------------------------------------------------------------------------------------


def test_the_response_rate_counts_needs_and_offers_by_region(cycle, admin, party_a, unitar, germany):
    _submitted(cycle, party_a, admin)
    services.save_answers(cycle=cycle, party=cast.party("NGA"), answers={"nip-level": "low"}, by=admin)
    offers = services.save_answers(cycle=cycle, kind="offers", organisation=unitar, answers=world.complete_offers(),
                                   by=admin)  # fmt: skip
    services.submit_response(offers, by=admin)
    services.save_answers(cycle=cycle, kind="offers", party=germany, answers={"regions": ["AFR"]}, by=admin)

    rates = {rate.region: rate for rate in respondents.response_rates([cycle])[cycle.pk]}

    assert rates["AFR"].needs == (cycle.invited.filter(country__region__code="AFR").count(), 2, 1)
    invited = cycle.offers_invited_parties.filter(country__region__code="WEOG").count()
    invited += cycle.offers_invited_organisations.filter(country__region__code="WEOG").count()
    assert rates["WEOG"].offers == (invited, 1, 0)  # Germany: a draft
    assert unitar.country is None  # an organisation without a seat: under "—"
    assert rates["—"].offers == (cycle.offers_invited_organisations.filter(country=None).count(), 1, 1)
    assert rates["—"].needs == (0, 0, 0)


@pytest.mark.parametrize("count", [2, 20])
def test_the_response_rate_costs_four_queries(cycle, admin, count, django_assert_num_queries):
    for party in cycle.invited.order_by("country__iso3")[:count]:
        services.save_answers(cycle=cycle, party=party, answers={"nip-level": "low"}, by=admin)

    with django_assert_num_queries(4):
        rates = respondents.response_rates([cycle])
    assert sum(rate.needs[1] for rate in rates[cycle.pk]) == count


# --- asking to reopen ------------------------------------------------------------------------------------------


def test_a_party_asks_to_reopen_and_staff_reopen_from_their_page(client, cycle, party_a, contact_a, admin):
    submitted = _submitted(cycle, party_a, contact_a)
    url = reverse("needs:request_reopen", args=[cycle.slug, "needs", "parties", "KEN"])
    sign_in(client, contact_a)
    assert client.post(url, {"reason": " "}).status_code == 400
    DBTaskResult.objects.all().delete()

    assert client.post(url, {"reason": "Our Part II amounts changed."}).status_code == 302
    request = ReopenRequest.objects.get()
    assert (request.state, request.requested_by, request.reason) == (
        "pending",
        contact_a,
        "Our Part II amounts changed.",
    )
    assert request.history.first().history_change_reason == "needs.reopen_request.made"
    assert DBTaskResult.objects.get().args_kwargs["kwargs"] == {"request_id": request.pk}
    page = client.get(reverse("needs:respond", args=[cycle.slug, "needs", "parties", "KEN"]))
    assert "the request is pending" in page.content.decode()
    again = client.post(url, {"reason": "Again"})
    assert again.status_code == 400 and "already asked" in again.content.decode()

    staff_client(client, admin)
    listing = client.get(reverse("needs_staff:reopen_requests"))
    assert "Our Part II amounts changed." in listing.content.decode()
    assert client.post(reverse("needs_staff:reopen", args=[submitted.pk])).status_code == 302
    request.refresh_from_db()
    assert (request.state, request.decided_by) == ("granted", admin)
    assert Response.objects.get(pk=submitted.pk).state == Response.State.DRAFT


def test_only_a_submitted_response_of_ones_own_can_be_asked_to_reopen(cycle, party_a, contact_a, focal_b, admin):
    draft = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)
    with pytest.raises(ValidationError, match="still a draft"):
        services.request_reopen(draft, by=contact_a, reason="Please")
    submitted = _submitted(cycle, party_a, contact_a)
    with pytest.raises(PermissionDenied):
        services.request_reopen(submitted, by=focal_b, reason="Not mine")
    assert not ReopenRequest.objects.exists()


def test_the_request_is_mailed_to_the_administrators_and_the_regional_focal_point(
    cycle, party_a, contact_a, admin, mailoutbox
):
    focal = cast.staff("afr@example.org", role="regional-focal-point", region="AFR")
    cast.staff("grulac@example.org", role="regional-focal-point", region="GRULAC")
    request = services.request_reopen(_submitted(cycle, party_a, contact_a), by=contact_a, reason="Amounts changed")

    assert notifications.send_reopen_request(request.pk) == 2
    assert sorted(m.to[0] for m in mailoutbox) == sorted([admin.email, focal.email])
    assert "Amounts changed" in mailoutbox[0].body and "Kenya" in mailoutbox[0].subject
