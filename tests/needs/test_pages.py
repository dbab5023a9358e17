"""The needs pages: the public gap table, a Party's questionnaire, the staff cycle list."""

import pytest
from django.urls import reverse

from tahub.needs import services
from tahub.needs.models import Response
from tests.accounts import cast
from tests.accounts.cast import sign_in

from . import world

pytestmark = pytest.mark.django_db


def login(client, user):
    return sign_in(client, user, second_factor=user.is_staff)


def response_url(cycle, iso3="KEN"):
    return reverse("needs:response", args=[cycle.slug, iso3])


def test_the_questionnaire_shows_the_questions_by_section(client, cycle, contact_a):
    response = login(client, contact_a).get(response_url(cycle))

    assert response.status_code == 200
    assert [section[0] for section in response.context["sections"]][:2] == [  # (title, questions, problems, open)
        "Convention-specific obligations",
        "Technical",
    ]
    assert 'name="nip-level"' in response.content.decode()


def test_saving_a_draft_then_submitting_an_incomplete_one_names_the_question(client, cycle, contact_a):
    login(client, contact_a)

    saved = client.post(response_url(cycle), {"nip-level": "high", "save": "1"})
    refused = client.post(response_url(cycle), {"nip-level": "high", "submit": "1"})

    assert saved.status_code == 302
    assert refused.status_code == 200
    assert "ddt-level" in refused.context["form"].errors
    assert Response.objects.get().state == Response.State.DRAFT


def test_a_complete_submission_is_shown_read_only(client, cycle, contact_a):
    login(client, contact_a)

    client.post(response_url(cycle), {**world.complete_answers(cycle), "submit": "1"})
    page = client.get(response_url(cycle))

    assert Response.objects.get().state == Response.State.SUBMITTED
    assert page.context["submitted"] is True
    assert page.context["form"].fields["nip-level"].disabled


def test_another_partys_focal_point_gets_404_as_if_it_were_not_there(client, cycle, focal_b):
    assert login(client, focal_b).get(response_url(cycle)).status_code == 404
    assert client.post(response_url(cycle), {"nip-level": "high"}).status_code == 404
    assert Response.objects.count() == 0


def test_a_party_not_invited_or_a_cycle_unknown_gives_404(client, cycle, admin):
    login(client, admin)

    assert client.get(response_url(cycle, "DEU")).status_code == 404
    assert client.get(reverse("needs:gaps", args=["no-such-cycle"])).status_code == 404


def test_staff_reopen_from_the_response_page(client, cycle, party_a, contact_a, admin):
    draft = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=contact_a)
    submitted = services.submit_response(draft, by=contact_a)

    page = login(client, admin).post(reverse("needs_staff:reopen", args=[submitted.pk]))

    assert page.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == Response.State.DRAFT


def test_the_staff_list_shows_the_response_rate_by_region(client, cycle, party_a, contact_a, admin):
    draft = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=contact_a)
    services.submit_response(draft, by=contact_a)

    page = login(client, admin).get(reverse("needs_staff:cycles"))

    rates = {rate.region: rate.needs for rate in page.context["rows"][0][1]}
    assert rates["AFR"][2] == 1
    assert rates["AFR"][0] == cycle.invited.filter(country__region__code="AFR").count()


def test_staff_open_a_cycle_from_the_form(client, admin, questionnaire):
    page = login(client, admin).post(
        reverse("needs_staff:open"),
        {"slug": "n-27", "title": "2027", "period": "2027-2030", "deadline": "2027-06-30",
         "questionnaire": questionnaire.pk, "invited": [cast.party("KEN").pk], "confirm": "1"},
    )  # fmt: skip

    assert page.status_code == 302
    assert (
        reverse("needs:gaps", args=["n-27"]) in login(client, admin).get(reverse("needs_staff:cycles")).content.decode()
    )


@pytest.mark.parametrize("count", [3, 30])
def test_the_gap_page_costs_a_fixed_number_of_queries(client, cycle, admin, count, django_assert_max_num_queries):
    for party in cycle.invited.order_by("country__iso3")[:count]:
        draft = services.save_answers(cycle=cycle, party=party, answers=world.complete_answers(cycle), by=admin)
        services.submit_response(draft, by=admin)
    services.publish_results(cycle, by=admin)

    # cycles, needs, offers, trend (tests/needs/test_analysis_pages.py); the map's country names once a process
    with django_assert_max_num_queries(5):
        page = client.get(reverse("needs:gaps", args=[cycle.slug]))

    assert page.status_code == 200
    high = sum(tally.high for _name, tally in page.context["analysis"].needs.values())  # the needs table's rows
    assert high == count * len(world.complete_answers(cycle)) - count


def test_aggregates_are_public_only_once_staff_publish_them(client, cycle, admin):
    url = reverse("needs:gaps", args=[cycle.slug])
    assert client.get(url).status_code == 404
    assert "results not yet published" in client.get(reverse("needs:index")).content.decode()
    login(client, admin)
    assert client.get(url).status_code == 200
    assert client.post(reverse("needs_staff:publish", args=[cycle.slug])).status_code == 302
    cycle.refresh_from_db()
    assert cycle.results_published_at is not None
    client.logout()
    assert client.get(url).status_code == 200
