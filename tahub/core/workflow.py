"""One way to move a declared workflow (django-fsm) one step: lock, check, transition, audit, save.

Services call it inside their transaction, after their permission check; what a move notifies stays theirs.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django_fsm import can_proceed

NOT_ALLOWED = _("This is not possible at the stage “%(state)s”.")


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
