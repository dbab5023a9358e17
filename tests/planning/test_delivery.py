"""What delivered an activity: staff link a request to the programme activity it delivers (audited), and the
activity page lists it — to staff only, as requests are a Party's private records."""

import pytest
from django.core.exceptions import PermissionDenied

from tahub.assistance import services as assistance
from tahub.assistance.models import TARequest
from tahub.planning import selectors
from tahub.planning.models import ProgrammeActivity
from tests.accounts import cast
from tests.assistance.conftest import complete_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return cast.staff("admin@secretariat.example")


@pytest.fixture
def contact():
    return cast.contact_point("contact@ken.example", "KEN")


@pytest.fixture
def ta_request(contact):
    from tahub.parties.models import Party

    party = Party.objects.get(country__iso3="KEN", convention__code="SC")
    draft = assistance.create_request(party=party, by=contact, data=complete_data())
    return assistance.submit_request(draft, by=contact)


@pytest.fixture
def activity_11():
    return ProgrammeActivity.objects.get(biennium__start_year=2012, number=11)


def test_requests_are_found_as_delivering_activities():
    relations = {rel.related_model._meta.label for rel in selectors.delivery_relations()}
    assert "assistance.TARequest" in relations


def test_staff_link_a_request_on_its_page_and_the_activity_lists_it(client, admin, ta_request, activity_11):
    cast.sign_in(client, admin, second_factor=True)
    page = client.get(ta_request.get_absolute_url()).content.decode()
    assert 'name="programme_activity"' in page
    response = client.post(f"/requests/{ta_request.reference}/programme-activity/", {"programme_activity": "2012/11"})
    assert response.status_code == 302
    ta_request.refresh_from_db()
    assert ta_request.programme_activity == activity_11
    assert ta_request.history.first().history_change_reason == "assistance.request.programme_activity"
    assert 'value="2012/11"' in client.get(ta_request.get_absolute_url()).content.decode()
    body = client.get("/plan/programme/2012/11/").content.decode()
    assert "Technical assistance requests (1)" in body and ta_request.get_absolute_url() in body

    response = client.post(f"/requests/{ta_request.reference}/programme-activity/", {"programme_activity": ""})
    ta_request.refresh_from_db()
    assert response.status_code == 302 and ta_request.programme_activity is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2012/99", "There is no activity 2012/99 in the programme of work."), ("eleven", "for example 2026/11")],
)
def test_a_bad_reference_is_reported_and_nothing_changes(client, admin, ta_request, activity_11, typed, message):
    cast.sign_in(client, admin, second_factor=True)
    response = client.post(
        f"/requests/{ta_request.reference}/programme-activity/", {"programme_activity": typed}, follow=True
    )
    assert message in response.content.decode()
    assert TARequest.objects.get(pk=ta_request.pk).programme_activity is None


def test_the_public_and_the_party_do_not_see_private_requests_on_the_activity(client, admin, ta_request, activity_11):
    assistance.set_programme_activity(ta_request, by=admin, activity=activity_11)
    body = client.get("/plan/programme/2012/11/").content.decode()
    assert ta_request.reference not in body


def test_only_triaging_staff_link_a_request(client, contact, ta_request, activity_11):
    with pytest.raises(PermissionDenied):
        assistance.set_programme_activity(ta_request, by=contact, activity=activity_11)
    cast.sign_in(client, contact)
    response = client.post(
        f"/requests/{ta_request.reference}/programme-activity/", {"programme_activity": activity_11.pk}
    )
    assert response.status_code == 403
    assert 'name="programme_activity"' not in client.get(ta_request.get_absolute_url()).content.decode()
