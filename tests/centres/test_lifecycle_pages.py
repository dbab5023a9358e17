"""The centre's workspace, its report page, Parties' feedback, and the Secretariat's score sheet, as pages."""

import datetime

import pytest

from tahub.centres.models import ActivityReport, Evaluation, RegionalCentre, ReportingPeriod, WorkPlan
from tahub.vocabularies.models import AssistanceType
from tests.accounts import cast

pytestmark = pytest.mark.django_db


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


def test_centre_staff_log_activities_and_submit_then_public_page_shows_them(client, centre, period):
    member = cast.member("staff@icipe.example", centre.organisation)
    cast.sign_in(client, member)
    url = f"/centres/{centre.code}/reports/{period.pk}/"
    assert client.get(url).status_code == 200
    training = AssistanceType.objects.get(slug="training").pk
    bad = client.post(
        url,
        {"add": "1", "title": "Training", "assistance_type": training, "start": "2025-05-02", "end": "2025-05-01"},
    )
    assert bad.status_code == 400 and "The activity must end after it starts." in bad.content.decode()
    good = {
        "add": "1",
        "title": "Regional training on PCB inventories",
        "assistance_type": AssistanceType.objects.get(slug="training").pk,
        "start": "2025-05-01",
        "end": "2025-05-03",
        "parties_benefited": [cast.party("KEN").pk, cast.party("UGA").pk],
        "currency": "USD",
    }
    assert client.post(url, good).status_code == 302
    assert client.post(url, {"submit": "1"}).status_code == 302
    assert ActivityReport.objects.get().state == ActivityReport.State.SUBMITTED
    body = client.get(f"/centres/{centre.code}/").content.decode()
    assert "Regional training on PCB inventories" in body and "2 Parties" in body


def test_other_organisations_cannot_open_a_centre_workspace(client, centre):
    cast.sign_in(client, cast.member("m@unitar.example", cast.Organisation.objects.get(slug="unitar")))
    assert client.get(f"/centres/{centre.code}/workspace/").status_code == 403


def test_work_plan_is_written_and_submitted(client, centre):
    member = cast.member("staff@icipe.example", centre.organisation)
    cast.sign_in(client, member)
    data = {
        "start_year": 2024,
        "end_year": 2027,
        "objectives": "Strengthen labs",
        "planned_activities": "Trainings",
        "submit": "1",
    }
    assert client.post(f"/centres/{centre.code}/work-plans/new/", data).status_code == 302
    assert WorkPlan.objects.get().state == WorkPlan.State.SUBMITTED


def test_party_gives_feedback_from_the_centre_page(client, centre):
    contact = cast.contact_point("c@ken.example", "KEN")
    cast.sign_in(client, contact)
    assert "Give feedback on this centre" in client.get(f"/centres/{centre.code}/").content.decode()
    response = client.post(
        f"/centres/{centre.code}/feedback/", {"party": cast.party("KEN").pk, "rating": 5, "comment": "Great"}
    )
    assert response.status_code == 302
    assert "Average rating 5.0/5 from 1 response." in client.get(f"/centres/{centre.code}/").content.decode()


def test_secretariat_scores_an_evaluation_within_range(client, centre):
    staff = cast.staff("eval@secretariat.example")
    cast.sign_in(client, staff, second_factor=True)
    assert client.get("/staff/centres/").status_code == 200
    response = client.post(
        f"/staff/centres/{centre.code}/evaluations/new/", {"start": "2025-01-01", "end": "2025-12-31"}
    )
    evaluation = Evaluation.objects.get()
    assert response["Location"] == f"/staff/centres/evaluations/{evaluation.pk}/"
    score = evaluation.scores.get(criterion__code="a")
    url = f"/staff/centres/evaluations/{evaluation.pk}/"
    bad = client.post(url, {"score_id": score.pk, f"{score.pk}-score": 9})
    assert bad.status_code == 400 and "Give a score from 0 to 4 for this criterion." in bad.content.decode()
    assert (
        client.post(url, {"score_id": score.pk, f"{score.pk}-score": 2, f"{score.pk}-comment": "ok"}).status_code == 302
    )
    score.refresh_from_db()
    assert score.score == 2


def test_secretariat_records_a_renewal_and_a_nomination_decision_from_its_page(client, centre):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tahub.centres.models import Nomination
    from tahub.parties.models import Country, Region

    staff = cast.staff("rc@secretariat.example")
    cast.sign_in(client, staff, second_factor=True)
    response = client.post(
        f"/staff/centres/{centre.code}/renew/", {"decision": "SC-7/17", "start_year": 2028}, follow=True
    )
    assert "The renewal is recorded." in response.content.decode()
    assert centre.endorsements.filter(start_year=2028, end_year=2031).exists()
    overlap = client.post(f"/staff/centres/{centre.code}/renew/", {"decision": "SC-7/17", "start_year": 2030},
                          follow=True)  # fmt: skip
    assert "would overlap the term 2028–2031" in overlap.content.decode()
    follows = client.post(f"/staff/centres/{centre.code}/renew/", {"decision": "SC-7/17"}, follow=True)
    assert "The renewal is recorded." in follows.content.decode()  # no first year: the year after the term
    assert centre.endorsements.filter(start_year=2032, end_year=2035).exists()

    dossier = SimpleUploadedFile("dossier.pdf", b"%PDF-1.4\n%%EOF\n")
    data = {"institution": "Centre X", "host_country": Country.objects.get(iso3="SEN").pk,
            "region": Region.objects.get(code="AFR").pk, "dossier": dossier}  # fmt: skip
    assert client.post("/staff/centres/nominations/new/", data).status_code == 302
    nomination = Nomination.objects.get()
    assert "Centre X" in client.get("/staff/centres/").content.decode()
    client.post(f"/staff/centres/nominations/{nomination.pk}/decision/", {"decline": "1", "note": "Incomplete"})
    nomination.refresh_from_db()
    assert nomination.state == Nomination.State.NOT_ENDORSED


def test_reported_activities_are_in_the_api(client, centre, period):
    from tahub.centres import services

    member = cast.member("staff@icipe.example", centre.organisation)
    report = ActivityReport.objects.create(centre=centre, period=period)
    services.add_activity(
        report,
        by=member,
        data={
            "title": "Lab twinning",
            "assistance_type": AssistanceType.objects.get(slug="south-south"),
            "start": datetime.date(2025, 6, 1),
            "end": datetime.date(2025, 6, 5),
            "parties_benefited": [cast.party("TZA")],
        },
    )
    assert client.get(f"/api/v1/centres/{centre.code}/activities").json()["count"] == 0  # not yet submitted
    services.submit_report(report, by=member)
    items = client.get(f"/api/v1/centres/{centre.code}/activities").json()["items"]
    assert items == [{"title": "Lab twinning", "type": "south-south", "start": "2025-06-01", "end": "2025-06-05",
                      "parties_benefited": ["TZA"]}]  # fmt: skip
