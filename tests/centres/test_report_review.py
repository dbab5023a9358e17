"""A centre's report: its activities lie inside the report's period (issue 17.4), and the Secretariat reviews the
report itself — accept, or return it for revision with a reason, e-mailed and audited (issue 17.5)."""

import datetime
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from tahub.accounts.tokens import create_api_token
from tahub.centres import notifications, services
from tahub.centres.models import ActivityReport, RegionalCentre, ReportingPeriod
from tahub.vocabularies.models import AssistanceType
from tests.accounts import cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def centre():
    return RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")


@pytest.fixture
def member(centre):
    return cast.member("staff@icipe.example", centre.organisation)


@pytest.fixture
def report(centre):
    period = ReportingPeriod.objects.create(
        title="2025", start=datetime.date(2025, 1, 1), end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 31),
    )  # fmt: skip
    return ActivityReport.objects.create(centre=centre, period=period)


def activity(start, end, **more):
    return {"title": "Training", "assistance_type": AssistanceType.objects.get(slug="training"), "start": start,
            "end": end, "parties_benefited": [cast.party("KEN")], **more}  # fmt: skip


def test_an_activity_outside_the_report_period_is_refused_on_the_dates(report, member):
    with pytest.raises(ValidationError) as refused:
        services.add_activity(report, by=member, data=activity(datetime.date(2031, 3, 1), datetime.date(2031, 3, 2)))
    assert set(refused.value.message_dict) == {"start", "end"}
    assert "within the period of the report, 2025-01-01 to 2025-12-31" in refused.value.message_dict["start"][0]
    with pytest.raises(ValidationError) as late:  # starts inside, ends after the period
        services.add_activity(report, by=member, data=activity(datetime.date(2025, 12, 30), datetime.date(2026, 1, 2)))
    assert set(late.value.message_dict) == {"end"}
    assert report.activities.count() == 0
    services.add_activity(report, by=member, data=activity(datetime.date(2025, 12, 30), datetime.date(2025, 12, 31)))
    assert report.activities.count() == 1


def test_the_report_page_shows_the_date_error_next_to_the_field(client, report, member):
    cast.sign_in(client, member)
    url = f"/centres/{report.centre.code}/reports/{report.period_id}/"
    page = client.get(url).content.decode()
    assert 'min="2025-01-01"' in page and 'max="2025-12-31"' in page  # the date picker offers the period
    response = client.post(url, {"add": "1", "title": "Training", "currency": "USD",
                                 "assistance_type": AssistanceType.objects.get(slug="training").pk,
                                 "start": "2031-03-01", "end": "2031-03-02",
                                 "parties_benefited": [cast.party("KEN").pk]})  # fmt: skip
    assert response.status_code == 400
    form = response.context["form"]
    assert "within the period of the report" in form.errors["start"][0]
    assert "within the period of the report" in form.errors["end"][0]
    assert report.activities.count() == 0


def test_the_api_refuses_an_activity_outside_the_period_naming_the_field(client, report, member):
    headers = {"Authorization": f"Bearer {create_api_token(user=member, name='t')}"}
    body = {"title": "Training", "type": "training", "start": "2031-03-01", "end": "2031-03-02",
            "parties_benefited": ["KEN"]}  # fmt: skip
    response = client.post(f"/api/v1/centres/scrc-kenya/reports/{report.period_id}/activities", json.dumps(body),
                           content_type="application/json", headers=headers)  # fmt: skip
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"start", "end"}
    assert report.activities.count() == 0


def _submitted(report, member):
    services.add_activity(report, by=member, data=activity(datetime.date(2025, 3, 1), datetime.date(2025, 3, 2),
                                                           budget="1200.50"))  # fmt: skip
    return services.submit_report(report, by=member)


def test_staff_review_the_report_itself_and_return_it_with_a_reason(client, report, member, settings):
    from django_tasks_db.models import DBTaskResult

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    _submitted(report, member)
    staff = cast.staff("rc@secretariat.example")
    cast.sign_in(client, staff, second_factor=True)
    home = client.get("/staff/centres/").content.decode()
    assert f'href="/staff/centres/reports/{report.pk}/"' in home  # a link to the report, not a bare button
    url = f"/staff/centres/reports/{report.pk}/"
    page = client.get(url).content.decode()
    assert "Training" in page and "Kenya" in page and "1200.50 USD" in page and "2025-03-01" in page
    assert 'value="accept"' in page and 'value="return"' in page

    missing = client.post(url, {"decision": "return", "reason": " "})
    assert missing.status_code == 400
    assert "Say what the centre should revise" in missing.context["form"].errors["reason"][0]
    report.refresh_from_db()
    assert report.state == ActivityReport.State.SUBMITTED

    returned = client.post(url, {"decision": "return", "reason": "Name the partners of the March training."})
    assert returned.status_code == 302
    report.refresh_from_db()
    assert report.state == ActivityReport.State.DRAFT and report.returned
    assert report.history.first().history_change_reason == "centres.report.returned"
    assert DBTaskResult.objects.filter(task_path__endswith="task_notify_report_returned").count() == 1
    assert notifications.send_report_returned(report_id=report.pk) == 1
    assert mail.outbox[-1].to == [member.email]
    assert "Name the partners of the March training." in mail.outbox[-1].body
    assert f"/centres/scrc-kenya/reports/{report.period_id}/" in mail.outbox[-1].body

    # The centre sees why, revises and submits again; then staff accept from the same page.
    cast.sign_in(client, member)
    own = client.get(f"/centres/scrc-kenya/reports/{report.period_id}/").content.decode()
    assert "Returned for revision by the Secretariat" in own and "Name the partners" in own
    wrong = report.activities.get()
    removed = client.post(f"/centres/scrc-kenya/reports/{report.period_id}/", {"remove": wrong.pk})
    assert removed.status_code == 302 and not report.activities.exists()
    services.add_activity(report, by=member, data=activity(datetime.date(2025, 3, 1), datetime.date(2025, 3, 2)))
    services.submit_report(report, by=member)
    cast.sign_in(client, staff, second_factor=True)
    assert client.post(url, {"decision": "accept"}).status_code == 302
    report.refresh_from_db()
    assert report.state == ActivityReport.State.ACCEPTED and report.accepted_by == staff


def test_the_api_returns_a_report_for_revision_staff_only(client, report, member):
    _submitted(report, member)
    url = f"/api/v1/centres/scrc-kenya/reports/{report.period_id}/return"
    body = json.dumps({"reason": "Add the evidence."})

    def post(user):
        headers = {"Authorization": f"Bearer {create_api_token(user=user, name='t')}"}
        return client.post(url, body, content_type="application/json", headers=headers)

    assert post(member).status_code == 403
    response = post(cast.staff("s@secretariat.example"))
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "draft" and response.json()["return_reason"] == "Add the evidence."
    assert post(cast.staff("t@secretariat.example")).status_code == 422  # a draft cannot be returned again
