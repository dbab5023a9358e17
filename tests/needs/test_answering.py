"""Offers from Parties and organisations; every kind of question; versions; answers entered on a Party's behalf."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from tahub.core.workflow import Stale
from tahub.needs import services
from tahub.needs.models import Amount, Answer, Response
from tests.accounts.cast import sign_in

from . import world

pytestmark = pytest.mark.django_db


def values(response):
    return {a.question.code: a for a in response.answers.select_related("question")}


def test_opening_a_cycle_invites_developed_parties_and_listed_organisations_to_offer(cycle, unitar):
    parties = set(cycle.offers_invited_parties.values_list("country__eligibility_class", flat=True))

    assert "DEU" in set(cycle.offers_invited_parties.values_list("country__iso3", flat=True))
    assert parties == {"developed"}
    assert cycle.offers_invited_organisations.filter(pk=unitar.pk).exists()


def test_an_organisation_member_offers_for_its_organisation(cycle, unitar, unitar_member):
    response = services.save_answers(
        cycle=cycle, kind="offers", organisation=unitar, answers=world.complete_offers(), by=unitar_member
    )
    response = services.submit_response(response, by=unitar_member)

    answers = values(response)
    assert response.state == Response.State.SUBMITTED and response.organisation == unitar
    assert sorted(answers["ddt-offer"].assistance_types.values_list("slug", flat=True)) == ["training", "workshop"]
    assert sorted(answers["regions"].regions.values_list("code", flat=True)) == ["AFR", "GRULAC"]
    assert answers["languages"].choices == ["en", "fr"]


def test_a_developed_party_offers_and_cannot_answer_the_needs_questionnaire(cycle, germany, admin):
    services.save_answers(cycle=cycle, kind="offers", party=germany, answers=world.complete_offers(), by=admin)

    with pytest.raises(ValidationError, match="not invited"):
        services.save_answers(cycle=cycle, party=germany, answers={"nip-level": "low"}, by=admin)
    assert Response.objects.get().kind == "offers"


def test_a_contact_point_cannot_offer_for_an_organisation(cycle, unitar, contact_a):
    with pytest.raises(PermissionDenied):
        services.save_answers(cycle=cycle, kind="offers", organisation=unitar, answers={}, by=contact_a)


def test_a_response_has_exactly_one_respondent_and_needs_come_from_parties(cycle, party_a, unitar):
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(cycle=cycle, kind="offers", party=party_a, organisation=unitar)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(cycle=cycle, kind="needs", organisation=unitar)
    with pytest.raises(IntegrityError), transaction.atomic():
        Response.objects.create(cycle=cycle, kind="offers")


def test_an_unknown_type_of_assistance_or_region_is_refused_naming_the_question(cycle, unitar, unitar_member):
    answers = {"nip-offer": ["training", "teleportation"], "regions": ["MARS"]}

    with pytest.raises(ValidationError) as caught:
        services.save_answers(cycle=cycle, kind="offers", organisation=unitar, answers=answers, by=unitar_member)

    assert sorted(caught.value.message_dict) == ["nip-offer", "regions"]
    assert "teleportation" in caught.value.message_dict["nip-offer"][0]
    assert Answer.objects.count() == 0


def test_ranks_obstacles_support_and_amounts_by_year_and_source(cycle, party_a, contact_a):
    answers = {
        "nip-rank": "2",
        "obstacles": ["funding", "data"],
        "existing-support": "GEF project on PCBs",
        "funding-technical": [
            {"year": 2026, "source": "gef", "amount": "150000.50"},
            {"year": 2027, "source": "domestic", "amount": 20000},
        ],
    }
    response = services.save_answers(cycle=cycle, party=party_a, answers=answers, by=contact_a)

    answers = values(response)
    assert answers["nip-rank"].rank == 2
    assert answers["obstacles"].choices == ["funding", "data"]
    assert answers["existing-support"].text == "GEF project on PCBs"
    assert set(Amount.objects.values_list("year", "source", "amount", "currency")) == {
        (2026, "gef", Decimal("150000.50"), "USD"),
        (2027, "domestic", Decimal("20000.00"), "USD"),
    }
    services.save_answers(cycle=cycle, party=party_a, answers={"funding-technical": []}, by=contact_a)
    assert Amount.objects.count() == 0


@pytest.mark.parametrize(
    ("code", "value"),
    [
        ("nip-rank", "0"),
        ("nip-rank", "first"),
        ("obstacles", ["weather"]),
        ("funding-technical", [{"year": 2040, "source": "gef", "amount": 1}]),
        ("funding-technical", [{"year": 2026, "source": "gef", "amount": -1}]),
        ("funding-technical", [{"year": 2026, "source": "gef", "amount": "NaN"}]),
    ],
)
def test_bad_values_are_refused_naming_the_question(cycle, party_a, contact_a, code, value):
    with pytest.raises(ValidationError) as caught:
        services.save_answers(cycle=cycle, party=party_a, answers={code: value, "nip-level": "high"}, by=contact_a)

    assert list(caught.value.message_dict) == [code]
    assert Answer.objects.count() == 0


def test_a_stale_version_is_refused_and_nothing_is_overwritten(cycle, party_a, contact_a, admin):
    first = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)
    seen = first.version
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "medium"}, by=admin, version=seen)

    with pytest.raises(Stale, match="admin@example.org saved this response on"):
        services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=contact_a, version=seen)

    assert Answer.objects.get(question__code="nip-level").level == "medium"


def test_two_tabs_on_the_page_the_second_is_told_and_keeps_what_they_typed(client, cycle, party_a, contact_a):
    url = reverse("needs:response", args=[cycle.slug, "KEN"])
    sign_in(client, contact_a)
    version = client.get(url).context["form"]["version"].value()
    assert client.post(url, {"nip-level": "high", "version": version, "save": "1"}).status_code == 302

    page = client.post(url, {"nip-level": "low", "version": version, "save": "1"})

    assert page.status_code == 409
    assert "You saved this response yourself" in page.content.decode()  # one person, two tabs: not "someone else"
    assert page.context["form"]["nip-level"].value() == "low"
    assert Answer.objects.get(question__code="nip-level").level == "high"


def test_staff_entering_answers_on_a_partys_behalf_is_marked(cycle, party_a, contact_a, admin):
    own = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)
    assert own.entered_by_secretariat is False

    on_behalf = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=admin)

    assert on_behalf.entered_by_secretariat is True


def test_a_part_ii_answer_after_the_part_ii_deadline_is_refused_while_part_i_is_open(cycle, party_a, contact_a):
    import datetime

    from django.utils import timezone

    cycle.funding_deadline = timezone.localdate() - datetime.timedelta(days=1)
    cycle.save()
    late = {"funding-legal": [{"year": 2026, "source": "gef", "amount": 5}], "nip-level": "high"}

    with pytest.raises(ValidationError) as caught:
        services.save_answers(cycle=cycle, party=party_a, answers=late, by=contact_a)

    assert list(caught.value.message_dict) == ["funding-legal"]
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)


def test_the_offers_page_shows_checkboxes_and_saves(client, cycle, unitar, unitar_member):
    url = reverse("needs:respond", args=[cycle.slug, "offers", "organisations", "unitar"])
    sign_in(client, unitar_member)

    page = client.get(url)
    saved = client.post(
        url, {"nip-offer": ["training"], "regions": ["AFR"], "languages": ["en"], "version": 0, "submit": "1"}
    )

    assert 'name="nip-offer"' in page.content.decode()
    assert saved.status_code == 302
    assert Response.objects.get(organisation=unitar).state == Response.State.SUBMITTED


def test_a_funding_amount_is_entered_on_the_page(client, cycle, contact_a):
    url = reverse("needs:response", args=[cycle.slug, "KEN"])
    sign_in(client, contact_a)

    saved = client.post(url, {"funding-legal__2027__bilateral": "1200.5", "version": 0, "save": "1"})

    assert saved.status_code == 302
    assert Amount.objects.get().amount == Decimal("1200.50")
    assert client.get(url).context["form"]["funding-legal__2027__bilateral"].value() == Decimal("1200.50")


def test_after_a_refused_submission_the_page_carries_the_new_version_so_the_next_submit_works(client, cycle, contact_a):
    url = reverse("needs:response", args=[cycle.slug, "KEN"])
    sign_in(client, contact_a)

    refused = client.post(url, {"nip-level": "high", "version": 0, "submit": "1"})
    version = refused.context["form"]["version"].value()
    done = client.post(url, {**world.complete_answers(cycle), "version": version, "submit": "1"})

    assert refused.status_code == 200 and "ddt-level" in refused.context["form"].errors
    assert done.status_code == 302
    assert Response.objects.get().state == Response.State.SUBMITTED
