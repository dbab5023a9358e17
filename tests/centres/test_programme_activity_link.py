"""A centre activity names the programme of work activity it delivers ("2012/11", as staff type it on a
request): on the report page and in the report API; a wrong reference is refused beside its field and nothing is
saved; the programme activity's page lists it, to the public once the report is submitted."""

import datetime

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.centres import services
from tahub.centres.models import Activity, ActivityReport, RegionalCentre, ReportingPeriod
from tahub.planning import selectors as planning_selectors
from tahub.planning.models import ProgrammeActivity
from tahub.vocabularies.models import AssistanceType
from tests.accounts import cast

pytestmark = pytest.mark.django_db

JSON = "application/json"
ACTIVITY_PAGE = "/plan/programme/2012/11/"


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def period():
    return ReportingPeriod.objects.create(
        title="2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )


@pytest.fixture
def member(centre):
    return cast.member("staff@icipe.example", centre.organisation)


def _form(**extra):
    return {
        "add": "1",
        "title": "Regional training on PCB inventories",
        "assistance_type": AssistanceType.objects.get(slug="training").pk,
        "start": "2025-05-01",
        "end": "2025-05-03",
        "parties_benefited": [cast.party("KEN").pk],
        "currency": "USD",
    } | extra


def test_centre_activities_are_found_as_delivering_activities():
    relations = {rel.related_model._meta.label for rel in planning_selectors.delivery_relations()}
    assert "centres.Activity" in relations


def test_a_member_names_the_programme_activity_and_its_page_lists_it_once_submitted(client, centre, period, member):
    cast.sign_in(client, member)
    url = f"/centres/{centre.code}/reports/{period.pk}/"
    assert 'name="programme_activity"' in client.get(url).content.decode()
    assert client.post(url, _form(programme_activity=" 2012 / 11 ")).status_code == 302
    logged = Activity.objects.get()
    assert logged.programme_activity == ProgrammeActivity.objects.get(biennium__start_year=2012, number=11)
    assert logged.history.first().history_change_reason == "centres.activity.logged"
    assert 'href="/plan/programme/2012/11/">2012/11</a>' in client.get(url).content.decode()

    client.logout()
    assert "Regional training on PCB inventories" not in client.get(ACTIVITY_PAGE).content.decode()  # a draft
    staff = cast.staff("s@secretariat.example")
    cast.sign_in(client, staff, second_factor=True)
    body = client.get(ACTIVITY_PAGE).content.decode()
    assert "Centre activities (1)" in body and "Regional training on PCB inventories" in body
    client.logout()

    services.submit_report(ActivityReport.objects.get(), by=member)
    body = client.get(ACTIVITY_PAGE).content.decode()
    assert "Centre activities (1)" in body
    assert f'<a href="/centres/{centre.code}/">Regional training on PCB inventories</a>' in body


@pytest.mark.parametrize(
    ("typed", "message"),
    [("2012/99", "There is no activity 2012/99 in the programme of work."), ("eleven", "for example 2026/11")],
)
def test_a_wrong_reference_is_refused_beside_the_field_and_nothing_is_saved(
    client, centre, period, member, typed, message
):
    cast.sign_in(client, member)
    url = f"/centres/{centre.code}/reports/{period.pk}/"
    client.get(url)  # opens the draft report
    response = client.post(url, _form(programme_activity=typed))
    assert response.status_code == 400
    assert message in response.context["form"].errors["programme_activity"][0]
    assert 'id="id_programme_activity_error"' in response.content.decode()
    assert Activity.objects.count() == 0


def test_no_reference_links_nothing(client, centre, period, member):
    cast.sign_in(client, member)
    url = f"/centres/{centre.code}/reports/{period.pk}/"
    client.get(url)
    assert client.post(url, _form()).status_code == 302
    assert Activity.objects.get().programme_activity is None


def test_the_report_api_takes_and_gives_the_reference(client, centre, period, member):
    headers = {"Authorization": f"Bearer {create_api_token(user=member, name='t')}"}
    base = f"/api/v1/centres/{centre.code}/reports"
    client.post(base, {"period": period.pk}, content_type=JSON, headers=headers)
    payload = {"title": "Training", "type": "training", "start": "2025-03-01", "end": "2025-03-02"}
    payload["parties_benefited"] = ["KEN"]
    wrong = client.post(
        f"{base}/{period.pk}/activities",
        payload | {"programme_activity": "2012/99"},
        content_type=JSON,
        headers=headers,
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"] == [
        {
            "location": "body",
            "field": "programme_activity",
            "message": "There is no activity 2012/99 in the programme of work.",
        }
    ]
    assert Activity.objects.count() == 0
    logged = client.post(
        f"{base}/{period.pk}/activities",
        payload | {"programme_activity": "2012/11"},
        content_type=JSON,
        headers=headers,
    )
    assert logged.status_code == 201
    assert logged.json()["activities"][0]["programme_activity"] == "2012/11"
    listed = client.get(base, headers=headers).json()
    assert [a["programme_activity"] for a in listed[0]["activities"]] == ["2012/11"]
