"""The Secretariat creates and edits the meetings open to observers (a COP meeting, a POPRC meeting) on its
staff pages: one function per use case, staff only, audited (a dotted reason on each history row), in one
transaction. An edit is made against the version the editor saw; a save from an older page is refused and
nothing is written. Every problem with the dates is told at once, by field.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import require
from tahub.core.workflow import lock_at_version

from ..models import ObserverMeeting

if TYPE_CHECKING:
    from tahub.accounts.models import User

MANAGE = "observers.manage_meetings"
RESERVED_CODES = {"new"}  # the staff pages' own addresses
FIRST_YEAR, YEARS_AHEAD = 2000, 10

ENDS_BEFORE = _("The meeting must end on or after its first day (%(start)s).")
DEADLINE_AFTER = _("Registration must close on or before the meeting's last day (%(end)s).")
OUT_OF_RANGE = _("Give a date between %(first)s and %(last)s (you gave %(given)s).")
RESERVED = _("“%(code)s” is reserved for a page address; choose another code.")


def _check(fields: dict[str, Any]) -> dict[str, Any]:
    errors: dict[str, Any] = {}
    first, last = datetime.date(FIRST_YEAR, 1, 1), datetime.date(timezone.localdate().year + YEARS_AHEAD, 12, 31)
    for name in ("start", "end", "registration_deadline"):
        day = fields.get(name)
        if day is not None and not first <= day <= last:
            errors[name] = OUT_OF_RANGE % {"first": first, "last": last, "given": day}
    start, end, deadline = fields.get("start"), fields.get("end"), fields.get("registration_deadline")
    if start and end and end < start and "end" not in errors:
        errors["end"] = ENDS_BEFORE % {"start": start}
    elif end and deadline and deadline > end and "registration_deadline" not in errors:
        errors["registration_deadline"] = DEADLINE_AFTER % {"end": end}
    if fields.get("code") in RESERVED_CODES:
        errors["code"] = RESERVED % {"code": fields["code"]}
    return errors


def _save(meeting: ObserverMeeting, errors: dict[str, Any], reason: str) -> ObserverMeeting:
    try:
        meeting.full_clean()
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault(name, messages)
    if errors:
        raise ValidationError(errors)
    meeting._change_reason = reason
    meeting.save()
    return meeting


@transaction.atomic
def create_meeting(*, by: User, data: dict[str, Any]) -> ObserverMeeting:
    """Staff open a meeting to observers: admitted and exempt bodies then register representatives for it."""
    require(by, MANAGE)
    return _save(ObserverMeeting(**data), _check(data), "observers.meeting.created")


@transaction.atomic
def update_meeting(meeting: ObserverMeeting, *, by: User, data: dict[str, Any], version: int) -> ObserverMeeting:
    """Staff edit a meeting; refused if someone saved it since `version` (the version the editor saw). The
    code, the meeting's address, stays."""
    require(by, MANAGE)
    meeting = lock_at_version(ObserverMeeting, meeting, version, by=by)
    meeting._history_user = by  # named in a later stale refusal
    data = {name: value for name, value in data.items() if name != "code"}
    for name, value in data.items():
        setattr(meeting, name, value)
    fields = {name: getattr(meeting, name) for name in ("start", "end", "registration_deadline")}
    meeting.version += 1
    return _save(meeting, _check(fields), "observers.meeting.edited")
