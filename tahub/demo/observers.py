"""The next meeting of the Conference of the Parties, open to observers: the demo's admitted body registers its
representatives for it. One meeting at every scale, dated from `now` (registration open for months), so the
demo always has a meeting ahead; a second run creates nothing."""

import datetime

from tahub.observers.models import ObserverMeeting

from .keys import CHANGE_REASON

NEXT_COP = {
    "code": "cop-13",
    "title": "Thirteenth meeting of the Conference of the Parties to the Stockholm Convention",
    "body": ObserverMeeting.Body.COP,
    "city": "Geneva",
    "time_zone": "Europe/Zurich",
}
STARTS_IN, LASTS, REGISTRATION_CLOSES_BEFORE = 150, 11, 30  # days


def generate_observer_meetings(context, count):
    """The next COP meeting (count is 1 at every scale); returns how many were created."""
    if ObserverMeeting.objects.filter(code=NEXT_COP["code"]).exists():
        return 0
    start = context.now.date() + datetime.timedelta(days=STARTS_IN)
    meeting = ObserverMeeting(
        **NEXT_COP,
        start=start,
        end=start + datetime.timedelta(days=LASTS),
        registration_deadline=start - datetime.timedelta(days=REGISTRATION_CLOSES_BEFORE),
    )
    meeting._change_reason = CHANGE_REASON
    meeting.full_clean()
    meeting.save()
    return 1
