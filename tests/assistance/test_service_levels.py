import datetime

import pytest
from django.core import mail

from tahub.assistance import notifications, selectors, service_levels, services
from tahub.assistance.models import ServiceLevel, State, TARequest

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2026, 11, 2)


def test_working_days_skip_weekends():
    assert service_levels.working_days_before(MONDAY, 1) == datetime.date(2026, 10, 30)  # the Friday before
    assert service_levels.working_days_between(datetime.date(2026, 10, 30), MONDAY) == 1
    assert service_levels.working_days_between(MONDAY, MONDAY + datetime.timedelta(days=14)) == 10


def test_geneva_public_holidays_are_not_working_days():
    # Jeûne genevois: Thursday 10 September 2026; Swiss National Day: Saturday 1 August 2026 (a weekend anyway),
    # Friday 1 August 2025.
    fast = datetime.date(2026, 9, 10)
    assert not service_levels.is_working_day(fast)
    assert not service_levels.is_working_day(datetime.date(2025, 8, 1))
    assert service_levels.is_working_day(datetime.date(2025, 8, 4))
    assert service_levels.working_days_between(datetime.date(2026, 9, 9), datetime.date(2026, 9, 11)) == 1
    assert service_levels.working_days_before(datetime.date(2026, 9, 11), 1) == datetime.date(2026, 9, 9)
    assert service_levels.working_days_after(datetime.date(2026, 9, 9), 1) == datetime.date(2026, 9, 11)
    # 2025: 31 July (Thursday), then 1 August (holiday), then Monday 4 August.
    assert service_levels.working_days_after(datetime.date(2025, 7, 31), 1) == datetime.date(2025, 8, 4)


def test_the_duty_station_is_a_setting(settings):
    fast = datetime.date(2026, 9, 10)
    settings.DUTY_STATION_SUBDIVISION = "ZH"  # Zurich keeps no Jeûne genevois
    assert service_levels.is_working_day(fast)
    settings.DUTY_STATION_COUNTRY, settings.DUTY_STATION_SUBDIVISION = "KE", ""  # Nairobi: no 1 August either
    assert service_levels.is_working_day(datetime.date(2025, 8, 1))


def _submitted_on(request, day):
    TARequest.objects.filter(pk=request.pk).update(
        submitted_at=datetime.datetime.combine(day, datetime.time(9), tzinfo=datetime.UTC)
    )
    request.refresh_from_db()
    return request


def test_unacknowledged_request_becomes_overdue_after_ten_working_days(submitted):
    r = _submitted_on(submitted, MONDAY)
    day_ten = MONDAY + datetime.timedelta(days=14)  # two weeks: 10 working days later
    assert service_levels.status_for(r, today=day_ten) == {"age": 10, "step": "acknowledge", "overdue": False}
    assert not selectors.overdue_requests(today=day_ten).exists()
    day_eleven = day_ten + datetime.timedelta(days=1)
    assert service_levels.status_for(r, today=day_eleven)["overdue"] is True
    assert list(selectors.overdue_requests(today=day_eleven)) == [r]


def test_a_geneva_holiday_stops_the_clock(submitted):
    r = _submitted_on(submitted, datetime.date(2026, 8, 31))  # a Monday; Jeûne genevois on Thursday 10 September
    day_ten = datetime.date(2026, 9, 15)  # 11 weekdays later, one of them the holiday
    assert service_levels.status_for(r, today=day_ten) == {"age": 10, "step": "acknowledge", "overdue": False}
    assert not selectors.overdue_requests(today=day_ten).exists()
    assert list(selectors.overdue_requests(today=day_ten + datetime.timedelta(days=1))) == [r]


def test_staff_can_change_a_service_level(submitted):
    ServiceLevel.objects.create(step=ServiceLevel.Step.ACKNOWLEDGE, working_days=2)
    r = _submitted_on(submitted, MONDAY)
    assert service_levels.status_for(r, today=MONDAY + datetime.timedelta(days=3))["overdue"] is True


def test_acknowledged_request_runs_on_the_decision_clock(submitted, afr_focal_point):
    r = _submitted_on(services.start_review(submitted, by=afr_focal_point), MONDAY)
    assert r.state == State.UNDER_REVIEW
    status = service_levels.status_for(r, today=MONDAY + datetime.timedelta(days=28))
    assert status == {"age": 20, "step": "decide", "overdue": False}
    assert service_levels.status_for(r, today=MONDAY + datetime.timedelta(days=43))["overdue"] is True


def test_overdue_reminder_goes_to_the_owner(submitted, afr_focal_point, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    sent = notifications.send_request_event(request_id=submitted.pk, event="assistance.request.overdue")
    assert sent == 1
    assert mail.outbox[0].to == [afr_focal_point.email]
    assert mail.outbox[0].subject == f"Request {submitted.reference} is overdue"


def test_party_is_told_of_a_decision_in_its_language(submitted, afr_focal_point, contact_a, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    contact_a.language = "fr"
    contact_a.save()
    r = services.decline_request(
        services.start_review(submitted, by=afr_focal_point), by=afr_focal_point, reason="Hors champ"
    )
    notifications.send_request_event(request_id=r.pk, event="assistance.request.declined")
    assert [m.to for m in mail.outbox] == [[contact_a.email]]
    assert "Hors champ" in mail.outbox[0].body
