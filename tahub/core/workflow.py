"""One way to move a declared workflow (django-fsm) one step: lock, check, transition, audit, save.

Services call it inside their transaction, after their permission check; what a move notifies stays theirs.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

NOT_ALLOWED = _("This is not possible at the stage “%(state)s”.")


def lock_at_version(model, obj, seen, stale, *, error=ValidationError):
    """A fresh, row-locked copy of `obj` (optimistic locking on its `version`): refused with `error`, the message
    `stale` given `now` and `seen`, if someone saved it since `seen`, the version the editor read (None: no
    check). Nothing is written before this is called, so a refusal leaves nothing half-saved."""
    current = model.objects.select_for_update().get(pk=obj.pk)
    if seen is not None and current.version != seen:
        raise error(stale % {"now": current.version, "seen": seen}, code="stale")
    return current


def move(model, obj, action, *, reason, changes=None, not_allowed=NOT_ALLOWED, lock=True):
    """Take transition `action` on a fresh, row-locked copy of `obj`; set `changes`; save with the audit
    `reason`. Refuses (ValidationError naming the current state) a move the state does not allow.

    ConcurrentTransitionMixin on the model refuses the save if the state changed underneath anyway."""
    current = model.objects.select_for_update().get(pk=obj.pk) if lock else obj
    transition = getattr(current, action)
    if not can_proceed(transition):
        raise ValidationError(not_allowed % {"state": current.get_state_display()})
    transition()
    for name, value in (changes or {}).items():
        setattr(current, name, value)
    current._change_reason = reason
    current.save()
    return current
