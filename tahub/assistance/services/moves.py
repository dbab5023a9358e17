"""What every move of a request does around its transition: the permission asked, the row locked and refused when
someone else moved it first, the audit reason, the e-mails enqueued. The use cases of `filing`, `triage`,
`assignments` and `delivery` call these helpers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.core.rules import is_secretariat

from ..models import TARequest
from ..tasks import task_notify_request

if TYPE_CHECKING:
    from django.db.models import Model

    from tahub.accounts.models import User

STALE = gettext_lazy(
    "This request was moved to “%(state)s” by %(who)s at %(time)s, since you opened the page. "
    "Nothing was changed: review it again, then act."
)
ALREADY_DONE = gettext_lazy("You had already moved this request to “%(state)s” (at %(time)s): nothing more was done.")
NOT_ALLOWED = gettext_lazy("This is not possible while the request is “%(state)s”.")
NOT_PERMITTED = gettext_lazy("You may not do this to this request.")


def check(user: User, permission: str, obj: Model) -> None:
    if not user.has_perm(permission, obj):
        raise PermissionDenied(NOT_PERMITTED)


def named(actor: User | None, by: User) -> str:
    """How a person is named to `by`: "you", a colleague by name, or "the Secretariat" to a Party."""
    if actor is None:
        return _("someone")
    if actor.pk == by.pk:
        return _("you")
    if is_secretariat(actor) and not is_secretariat(by):
        return _("the Secretariat")
    return str(actor)


def locked_request(request: TARequest, seen_state: str | None, by: User | None = None) -> TARequest:
    locked = TARequest.objects.select_for_update().get(pk=request.pk)
    if seen_state is not None and locked.state != seen_state:
        last = locked.history.select_related("history_user").order_by("-history_date").first()
        actor = last.history_user if last else None
        when = workflow.when(last.history_date) if last else "?"
        state = locked.get_state_display()
        if by is not None and actor is not None and actor.pk == by.pk:
            raise workflow.Stale(ALREADY_DONE % {"state": state, "time": when}, mine=True)
        who = named(actor, by) if by is not None else _("someone else")
        raise workflow.Stale(STALE % {"state": state, "who": who, "time": when})
    return locked


def move_request(
    request: TARequest,
    *,
    by: User,
    action: str,
    reason: str,
    seen_state: str | None = None,
    changes: dict[str, Any] | None = None,
    notify: bool = True,
) -> TARequest:
    """Lock, check (the transition's own permission, then the state), transition, stamp, save with the audit
    reason, enqueue notifications."""
    request = locked_request(request, seen_state, by)
    request._history_user = by  # who moved it, also outside a web request (the API's token, the worker)
    request = workflow.move(
        TARequest, request, action, by=by, reason=reason, changes=changes, not_allowed=NOT_ALLOWED, lock=False
    )
    if notify:
        task_notify_request.enqueue(request_id=request.pk, event=reason)
    return request
