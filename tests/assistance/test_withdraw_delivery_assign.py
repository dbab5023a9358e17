"""Withdrawing asks first (17.6); delivery dates lie inside their frame and staff can correct a report
(17.4); providers are picked by full name, one click per suggestion, warned before (17.2); people read labels,
and staff are not addressed as a Party (17.7)."""

import datetime

import pytest
from django.utils import timezone

from tahub.assistance import services
from tahub.assistance.models import State
from tahub.directory.models import Organisation
from tahub.vocabularies.models import Theme

from .conftest import login

pytestmark = pytest.mark.django_db
DAY = datetime.timedelta(days=1)


# Withdraw.


def test_withdrawing_asks_for_confirmation_without_javascript(client, submitted, contact_a):
    login(client, contact_a)
    ref = submitted.reference
    page = client.get(f"/requests/{ref}/").content.decode()
    link = f'<a class="button button-danger" href="/requests/{ref}/withdraw/">Withdraw the request…</a>'
    assert link in page
    assert f'action="/requests/{ref}/withdraw/"' not in page  # no one-click withdraw form beside the others
    confirm = client.get(f"/requests/{ref}/withdraw/")
    body = confirm.content.decode()
    assert confirm.status_code == 200 and "it cannot be reopened" in body
    assert '<button type="submit" class="button-danger">Yes, withdraw the request</button>' in body
    # A post without the confirmation (an old page, a bare form) only shows the question.
    assert client.post(f"/requests/{ref}/withdraw/", {"seen_state": "submitted"}).status_code == 200
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED
    response = client.post(f"/requests/{ref}/withdraw/", {"seen_state": "submitted", "confirm": "yes"})
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.state == State.WITHDRAWN


def test_staff_get_no_withdraw_confirmation(client, submitted, afr_focal_point):
    login(client, afr_focal_point)
    assert client.get(f"/requests/{submitted.reference}/withdraw/").status_code == 403
    assert client.get(f"/requests/{submitted.reference}/accept/").status_code == 405


# Delivery reports.


@pytest.fixture
def assigned(submitted, afr_focal_point, provider):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    r, (assignment,) = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    return r, assignment


def _report(assignment, by, start, end):
    return services.report_delivery(
        assignment, by=by, start=start, end=end, activities="Training", parties_benefited=[assignment.request.party]
    )


def test_a_delivery_in_the_future_or_before_the_request_is_refused(client, assigned, provider_member):
    r, assignment = assigned
    login(client, provider_member)
    today = timezone.localdate()
    url = f"/requests/{r.reference}/deliveries/new/"
    data = {"assignment": assignment.pk, "activities": "Training", "parties_benefited": [r.party.pk]}
    future = client.post(url, {**data, "start": today.isoformat(), "end": "2028-01-10"})
    assert "this date is after today" in future.content.decode()
    before = client.post(url, {**data, "start": (today - 400 * DAY).isoformat(), "end": today.isoformat()})
    assert "The delivery cannot lie before the request was submitted" in before.content.decode()
    assert assignment.reports.count() == 0


def test_staff_correct_a_delivery_report_with_the_reason_kept(client, assigned, provider_member, afr_focal_point):
    r, assignment = assigned
    today = timezone.localdate()
    report = _report(assignment, provider_member, today, today)
    url = f"/requests/{r.reference}/deliveries/{report.pk}/correct/"
    login(client, provider_member)
    assert client.get(url).status_code == 403
    client.logout()
    login(client, afr_focal_point)
    assert f'href="{url}"' in client.get(f"/requests/{r.reference}/").content.decode()
    data = {"start": today.isoformat(), "end": today.isoformat(), "activities": "Training of 25 customs officers"}
    data["parties_benefited"] = [r.party.pk]
    refused = client.post(url, data)
    assert "This field is required." in refused.content.decode()  # the reason
    too_late = client.post(url, {**data, "end": (today + DAY).isoformat(), "correction": "Wrong end"})
    assert "this date is after today" in too_late.content.decode()
    assert client.post(url, {**data, "correction": "The provider wrote the wrong activity"}).status_code == 302
    report.refresh_from_db()
    assert report.activities == "Training of 25 customs officers"
    last, before = report.history.order_by("-history_date")[:2]
    assert last.history_change_reason == "assistance.delivery.corrected" and last.history_user == afr_focal_point
    assert before.activities == "Training" and last.correction == "The provider wrote the wrong activity"


# Assigning providers.


def _accepted(submitted, afr_focal_point):
    return services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)


def test_providers_are_found_by_name_or_country_and_warned_before(client, submitted, afr_focal_point):
    r = _accepted(submitted, afr_focal_point)
    login(client, afr_focal_point)
    page = client.get(f"/requests/{r.reference}/").content.decode()
    assert "<select" not in page.split('id="assign"')[1].split("</section>")[0]  # no 83-option multi-select
    found = client.get(f"/requests/{r.reference}/", {"provider": "training and research"}).content.decode()
    assert "United Nations Institute for Training and Research (UNITAR)" in found
    unitar = Organisation.objects.get(slug="unitar")
    assert f'name="organisations" value="{unitar.pk}"' in found
    warning = "UNITAR has not declared that it offers any of this request"
    assert warning in found  # before assigning, next to the choice
    unitar.themes.add(Theme.objects.get(slug="inventories"))
    again = client.get(f"/requests/{r.reference}/", {"provider": "UNITAR"}).content.decode()
    assert warning not in again


def test_one_click_assigns_a_suggestion_and_what_they_deliver_is_shown(
    client, submitted, afr_focal_point, centres_offer_no_themes
):
    unitar = Organisation.objects.get(slug="unitar")
    unitar.themes.add(Theme.objects.get(slug="inventories"))
    r = _accepted(submitted, afr_focal_point)
    login(client, afr_focal_point)
    page = client.get(f"/requests/{r.reference}/").content.decode()
    assert 'aria-label="Assign United Nations Institute for Training and Research (UNITAR)"' in page
    response = client.post(f"/requests/{r.reference}/assign/", {"seen_state": "accepted", "organisations": unitar.pk})
    assert response.status_code == 302
    r.refresh_from_db()
    assert r.state == State.ASSIGNED and list(r.assignments.values_list("organisation", flat=True)) == [unitar.pk]
    other = Organisation.objects.get(slug="unep")
    client.post(
        f"/requests/{r.reference}/assign/",
        {"seen_state": "assigned", "organisations": [other.pk], "role": "A three-day training"},
    )
    page = client.get(f"/requests/{r.reference}/").content.decode()
    assert "United Nations Environment Programme: A three-day training" in page


def test_assigning_nobody_says_so_next_to_the_choice(client, submitted, afr_focal_point):
    r = _accepted(submitted, afr_focal_point)
    login(client, afr_focal_point)
    response = client.post(f"/requests/{r.reference}/assign/", {"seen_state": "accepted"})
    assert response.status_code == 400 and "Choose at least one provider." in response.content.decode()


# Audience and labels.


def test_staff_are_not_told_their_party_filed_nothing(client, administrator, submitted):
    login(client, administrator)
    body = client.get("/requests/").content.decode()
    assert "Your Party has not filed a request yet" not in body and "Our requests" not in body
    assert "Record a request received by letter" in body and "/requests/queue/" in body


def test_the_queue_shows_region_and_convention_names(client, administrator, submitted):
    login(client, administrator)
    body = client.get("/requests/queue/").content.decode()
    assert "<td>African States</td>" in body
    assert '<option value="SC">Stockholm Convention</option>' in body
