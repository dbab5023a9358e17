"""Service levels: how long a request may wait on the Secretariat, counted in working days: Monday to Friday,
except the public holidays of the duty station (settings.DUTY_STATION_COUNTRY/_SUBDIVISION, Geneva by default)."""

import datetime
import functools

import holidays
from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .models import ServiceLevel, State

# Used until staff set their own in the admin.
DEFAULT_WORKING_DAYS = {ServiceLevel.Step.ACKNOWLEDGE: 10, ServiceLevel.Step.DECIDE: 30}


def working_days():
    levels = dict(DEFAULT_WORKING_DAYS)
    levels.update(ServiceLevel.objects.values_list("step", "working_days"))
    return levels


@functools.cache
def _public_holidays(country, subdivision):
    # Years are filled in as dates are looked up.
    return holidays.country_holidays(country, subdiv=subdivision or None)


def is_working_day(day):
    """Monday to Friday, and not a public holiday at the duty station."""
    station = _public_holidays(settings.DUTY_STATION_COUNTRY, settings.DUTY_STATION_SUBDIVISION)
    return day.weekday() < 5 and day not in station


def working_days_before(day, count):
    """The date `count` working days before `day`."""
    while count > 0:
        day -= datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_after(day, count):
    """The date `count` working days after `day`: when a service level runs out."""
    while count > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def working_days_between(start, end):
    """Working days from `start` (exclusive) to `end` (inclusive)."""
    days, day = 0, start
    while day < end:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            days += 1
    return days


def _cutoff(today, days):
    """Submitted before the start of this moment (UTC) means more than `days` working days have passed."""
    return datetime.datetime.combine(working_days_before(today, days), datetime.time.min, tzinfo=datetime.UTC)


def overdue_q(today):
    """Requests past their service level: not yet acknowledged, or under review but not yet decided."""
    levels = working_days()
    return Q(state=State.SUBMITTED, submitted_at__lt=_cutoff(today, levels[ServiceLevel.Step.ACKNOWLEDGE])) | Q(
        state=State.UNDER_REVIEW, submitted_at__lt=_cutoff(today, levels[ServiceLevel.Step.DECIDE])
    )


CLOCKS = {State.SUBMITTED: ServiceLevel.Step.ACKNOWLEDGE, State.UNDER_REVIEW: ServiceLevel.Step.DECIDE}


def status_for(request, *, today=None, levels=None):
    """Beside a request: its age in working days since submission, the step it waits for, and whether that
    step is overdue. Pass `levels` (from working_days()) when showing many requests, to query it once."""
    step = CLOCKS.get(request.state)
    if request.submitted_at is None or step is None:
        return {"age": None, "step": None, "overdue": False}
    levels = levels or working_days()
    age = working_days_between(request.submitted_at.date(), today or timezone.localdate())
    return {"age": age, "step": step, "overdue": age > levels[step]}
