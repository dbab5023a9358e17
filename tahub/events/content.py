"""Every write to an event's content: creating and editing it, and its materials. One function per use case,
staff only, audited (a dotted reason on each history row), in one transaction.

Times come in as the wall-clock times of the event's own time zone (what the invitation says: 09:00 in
Auckland), are placed in that zone here and stored in UTC; "ends after it starts" and "the deadline is not
after the last day" are checked there, so an event across midnight UTC is neither refused nor misdated.
A wall-clock time the zone skips (02:30 on the night Paris moves its clocks forward) is refused, and so is one
it repeats (02:30 on the night the clocks go back, which happens twice): TA Hub does not guess which instant
is meant, the editor gives a time outside the change. Dates lie inside models.date_range() (from 2000 to ten
years ahead): a date outside (year 1, year 9999) is a typing slip, and refused before
any conversion to UTC (which would overflow there).
An edit is made against the version the editor saw: if someone saved the event meanwhile, it is refused with
a message and nothing is written. A removed material's file stays in storage: the history still names it.
"""

import datetime
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import require
from tahub.core.workflow import lock_at_version

from .models import OUT_OF_RANGE, Event, Material, RegistrationState, date_range, validate_time_zone

MANAGE = "events.manage_events"
EVENT_M2M = ("organisers", "partners", "themes", "decisions", "eligible_regions")
RESERVED_SLUGS = {"new", "results"}  # the staff pages' own addresses

ENDS_BEFORE = _(
    "The event must end after it starts: %(start)s → %(end)s (%(zone)s time). An event that runs past midnight "
    "ends on the next day."
)
SKIPPED_TIME = _(
    "%(time)s does not exist in %(zone)s: the clocks move forward that night and skip it. Give a time outside "
    "the change, for example %(after)s."
)
REPEATED_TIME = _(
    "%(time)s happens twice in %(zone)s: the clocks go back that night, so the time is not clear. Give a time "
    "outside the repeated hour, for example %(after)s."
)
DEADLINE_AFTER = _("The registration deadline must be on or before the event's last day (%(day)s, %(zone)s time).")
BELOW_ACCEPTED = _("%(count)s participants are already accepted: the capacity cannot be lower.")
MODE_FIXED = _("Participants are already registered: the way people register can no longer change.")
RESERVED = _("“%(slug)s” is reserved for a page address; choose another code.")
DOCUMENT_NEEDS_FILE = _("Attach the document (PDF, Office or image, up to 10 MB).")
LINK_NEEDS_URL = _("Give the address of the recording or page.")
FILE_OR_URL = _("Give a file for a document, or an address for a recording or a link: one, not both.")


def _split(data):
    return {k: v for k, v in data.items() if k not in EVENT_M2M}, {k: v for k, v in data.items() if k in EVENT_M2M}


def _out_of_range(fields, errors):
    """Dates outside date_range(), by field; read on the values as given (no conversion that could overflow)."""
    first, last = date_range()
    for name in ("start", "end", "registration_deadline"):
        value = fields.get(name)
        day = value.date() if isinstance(value, datetime.datetime) else value
        if day is not None and not first <= day <= last:
            errors[name] = OUT_OF_RANGE % {"first": first.isoformat(), "last": last.isoformat(), "given": day}
    return any(name in errors for name in ("start", "end"))


def _wall_clock_error(value, zone, zone_name):
    """The message for a wall-clock time the zone skips or repeats, else None."""
    early, late = value.replace(tzinfo=zone, fold=0), value.replace(tzinfo=zone, fold=1)
    if early.utcoffset() == late.utcoffset():
        return None
    real = early.astimezone(datetime.UTC).astimezone(zone)  # a skipped time lands after the change
    skipped = real.replace(tzinfo=None) != value
    after = real if skipped else late + abs(late.utcoffset() - early.utcoffset())
    message = SKIPPED_TIME if skipped else REPEATED_TIME
    return message % {"time": f"{value:%Y-%m-%d %H:%M}", "zone": zone_name, "after": f"{after:%H:%M}"}


def _place_in_zone(fields, errors):
    """Naive wall-clock start and end → aware, in the event's zone (an aware value is kept as it is); a
    wall-clock time the zone skips or repeats is refused."""
    out_of_range = _out_of_range(fields, errors)
    try:
        validate_time_zone(fields.get("time_zone", ""))
    except ValidationError as error:
        errors["time_zone"] = error.messages
        return
    if out_of_range:
        return
    zone = ZoneInfo(fields["time_zone"])
    for name in ("start", "end"):
        value = fields.get(name)
        if value is not None and value.tzinfo is None:
            problem = _wall_clock_error(value, zone, fields["time_zone"])
            if problem:
                errors[name] = problem
            fields[name] = value.replace(tzinfo=zone)
    if "start" in errors or "end" in errors:
        return
    start, end, deadline = fields.get("start"), fields.get("end"), fields.get("registration_deadline")
    if start and end and end <= start:
        local = {"start": f"{start.astimezone(zone):%Y-%m-%d %H:%M}", "end": f"{end.astimezone(zone):%Y-%m-%d %H:%M}"}
        errors["end"] = ENDS_BEFORE % {**local, "zone": fields["time_zone"]}
    elif end and deadline and deadline > end.astimezone(zone).date():
        day = end.astimezone(zone).date().isoformat()
        errors["registration_deadline"] = DEADLINE_AFTER % {"day": day, "zone": fields["time_zone"]}


def _check(fields, event=None):
    """What a form cannot say alone; every problem at once, by field."""
    errors = {}
    _place_in_zone(fields, errors)
    if fields.get("slug") in RESERVED_SLUGS:
        errors["slug"] = RESERVED % {"slug": fields["slug"]}
    if event is not None:
        accepted = event.registrations.filter(state=RegistrationState.ACCEPTED).count()
        if fields.get("capacity") is not None and fields["capacity"] < accepted:
            errors["capacity"] = BELOW_ACCEPTED % {"count": accepted}
        mode = fields.get("registration_mode")
        if mode and mode != event.registration_mode and event.registrations.exists():
            errors["registration_mode"] = MODE_FIXED
    if errors:
        raise ValidationError(errors)


def _save(event, relations, reason):
    event.full_clean(exclude=["starts_on", "ends_on", "state"])  # the state moves by its transitions only
    event._change_reason = reason
    event.save()
    for name, values in relations.items():
        getattr(event, name).set(values or [])
    return event


@transaction.atomic
def create_event(*, by, data):
    """Staff create an event (a draft until published on the staff page), with its links and eligibility."""
    require(by, MANAGE)
    fields, relations = _split(dict(data))
    _check(fields)
    return _save(Event(**fields), relations, "events.event.created")


@transaction.atomic
def update_event(event, *, by, data, version):
    """Staff edit an event; refused if someone saved it since `version` (the version the editor saw)."""
    require(by, MANAGE)
    event = lock_at_version(Event, event, version, by=by)
    event._history_user = by  # named in a later stale refusal, also when the edit came by API token
    fields, relations = _split(dict(data))
    fields.pop("slug", None)  # the code is the event's address and its calendar UID: fixed once created
    current = {name: getattr(event, name) for name in ("time_zone", "start", "end", "registration_deadline")}
    fields = {**current, **fields}
    _check(fields, event)  # places the new times in the (possibly new) zone
    for name, value in fields.items():
        setattr(event, name, value)
    event.version += 1
    return _save(event, relations, "events.event.edited")


@transaction.atomic
def add_material(event, *, by, kind, title, file=None, url="", public=True):
    """Staff add a document (checked like every upload), a recording or a link to the event."""
    require(by, MANAGE)
    if file and url:
        raise ValidationError({"url": FILE_OR_URL})
    if kind == Material.Kind.DOCUMENT and not file:
        raise ValidationError({"file": DOCUMENT_NEEDS_FILE})
    if kind != Material.Kind.DOCUMENT and not url:
        raise ValidationError({"url": LINK_NEEDS_URL})
    material = Material(event=event, kind=kind, title=title.strip(), file=file or "", url=url, public=public)
    material.full_clean()
    material._change_reason = "events.material.added"
    material.save()
    return material


@transaction.atomic
def remove_material(material, *, by):
    """Staff remove a material from the event page (its history row keeps what it was)."""
    require(by, MANAGE)
    material._change_reason = "events.material.removed"
    material.delete()
