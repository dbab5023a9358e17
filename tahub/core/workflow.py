"""One way to move a declared workflow (django-fsm) one step: lock, check, transition, audit, save.

Each transition declares who may take it (`permission=rules.on_object(name)` on its `@transition`): `move`
asks it, pages offer what `get_available_user_<field>_transitions(user)` yields. Services call `move` inside
their transaction; what a move notifies stays theirs.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import dateformat, timezone
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

from .rules import NOT_PERMITTED, on_object, require

NOT_ALLOWED = _("This is not possible at the stage “%(state)s”.")
# The refusals of an edit made from an older copy: who changed what, and when. "You" when it was the same
# person (a double click, a second tab, one's own workbook uploaded again), never "someone else" then.
STALE_BY_YOU = _(
    "You saved this %(what)s yourself at %(when)s, after opening the copy you just sent (a second tab, a form "
    "sent twice or an earlier upload); changed then: %(fields)s. Nothing was saved this time: reload it to see "
    "what is stored, then make your changes again if they are still needed."
)
STALE_BY_OTHER = _(
    "%(who)s changed this %(what)s at %(when)s, since you opened it; changed: %(fields)s. Nothing of yours was "
    "saved: reload it to see their change, then make yours again."
)
STALE_UNKNOWN = _(
    "This %(what)s was changed at %(when)s, since you opened it; changed: %(fields)s. Nothing of yours was "
    "saved: reload it to see what is stored, then make your changes again."
)
SOME_FIELDS = _("its content")


class Stale(ValidationError):
    """Every optimistic-lock refusal: the record changed since the caller read it, and nothing was saved. Pages
    show the message next to the form; the API answers 409 with it (core/api_errors.py). `mine`: the change was
    the caller's own (a double click, a form sent twice), so a page may say so gently."""

    def __init__(self, message, *, mine=False):
        super().__init__(message, code="stale")
        self.mine = mine


def when(moment):
    """A moment as a refusal names it: local time with its zone."""
    return dateformat.format(timezone.localtime(moment), "Y-m-d H:i T")


def _changed_names(records):
    """The verbose names of the fields the history `records` changed (each against the record before it)."""
    names = []
    for record in records:
        previous = record.prev_record
        if previous is None:
            continue
        for change in record.diff_against(previous).changes:
            if change.field not in ("version", "updated_at", "last_changed") and change.field not in names:
                names.append(change.field)
    model = records[0].instance_type if records else None
    return [str(model._meta.get_field(name).verbose_name) for name in names] if model else []


def stale(current, *, by=None, seen=None, since=None, what=None):
    """The Stale refusal of an edit made from an older copy of `current`: the history records saved after the
    version `seen` (or updated after the moment `since`, for records without a version) say who changed which
    fields, and when."""
    records = current.history.select_related("history_user").order_by("history_date", "history_id")
    if seen is not None:
        records = records.filter(version__gt=seen)
    elif since is not None:
        records = records.filter(updated_at__gt=since)
    records = list(records)
    values = {"what": what or current._meta.verbose_name, "when": "—", "fields": SOME_FIELDS}
    if not records:
        return Stale(STALE_UNKNOWN % values)
    values["when"] = when(records[-1].history_date)
    values["fields"] = "; ".join(_changed_names(records)) or SOME_FIELDS
    actors = {r.history_user_id: r.history_user for r in records}
    if by is not None and list(actors) == [by.pk]:
        return Stale(STALE_BY_YOU % values, mine=True)
    others = [str(actor) for pk, actor in actors.items() if actor is not None and pk != getattr(by, "pk", None)]
    if not others:
        return Stale(STALE_UNKNOWN % values)
    return Stale(STALE_BY_OTHER % {**values, "who": ", ".join(others)})


def lock_at_version(model, obj, seen, *, by=None, what=None):
    """A fresh, row-locked copy of `obj` (optimistic locking on its `version`): refused with Stale (who changed
    what since, and when; see `stale`) if it was saved since `seen`, the version the editor read (None: no
    check). Nothing is written before this is called, so a refusal leaves nothing half-saved."""
    current = model.objects.select_for_update().get(pk=obj.pk)
    if seen is not None and current.version != int(seen):
        raise stale(current, by=by, seen=int(seen), what=what)
    return current


def declared_permission(obj, action):
    """The permission declared on the `@transition` `action` of obj's model (one for all its source states; a
    permission name given as django-fsm's string form is asked on the object too), or None."""
    meta = getattr(type(obj), action)._django_fsm
    permission = next(iter(meta.transitions.values())).permission
    return on_object(permission) if isinstance(permission, str) else permission


def require_transition(user, obj, action):
    """Refuse (PermissionDenied, with the reason registered for its permission) unless the transition `action`
    lets `user` take it on `obj`. Whether the state allows the move now is `move`'s own check, after this one."""
    permission = declared_permission(obj, action)
    if isinstance(permission, on_object):
        require(user, permission.name, permission.target(obj))
    elif permission and not permission(obj, user):
        raise PermissionDenied(NOT_PERMITTED)


def move(model, obj, action, *, reason, by=None, changes=None, not_allowed=NOT_ALLOWED, lock=True):
    """Take transition `action` on a fresh, row-locked copy of `obj` for `by` (None: the holder of a private
    link, for a transition that declares no permission); set `changes`; save with the audit `reason`. Refuses a
    person the transition does not let take it (PermissionDenied with the reason), then a move the state does
    not allow (ValidationError naming the current state).

    ConcurrentTransitionMixin on the model refuses the save if the state changed underneath anyway."""
    current = model.objects.select_for_update().get(pk=obj.pk) if lock else obj
    if by is not None:
        require_transition(by, current, action)
    elif declared_permission(current, action):
        raise PermissionDenied(NOT_PERMITTED)
    transition = getattr(current, action)
    if not can_proceed(transition):
        raise ValidationError(not_allowed % {"state": current.get_state_display()})
    transition()
    for name, value in (changes or {}).items():
        setattr(current, name, value)
    current._change_reason = reason
    current.save()
    return current
