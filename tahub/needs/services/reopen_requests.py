"""Requests to reopen a submitted response: a respondent's people ask, staff decline (reopening grants them:
`responses.reopen_response`). The worker e-mails each side."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import require

from ..models import ReopenRequest, Response

if TYPE_CHECKING:
    from tahub.accounts.models import User


NOT_SUBMITTED = _("Only a submitted response can be reopened; this one is still a draft you can change.")
ALREADY_ASKED = _("You already asked to reopen this response; the Secretariat will answer.")
NO_REASON = _("Say why the response should be reopened.")
NO_DECLINE_REASON = _("Say why the request is declined: the respondent's people receive your reason.")
ALREADY_DECIDED = _("This request is already %(state)s: there is nothing left to decline.")


@transaction.atomic
def request_reopen(response: Response, *, by: User, reason: str) -> ReopenRequest:
    """A respondent's people ask the Secretariat to reopen their submitted response, saying why; the
    Secretariat is e-mailed by the worker. One pending request per response."""
    require(by, "needs.request_reopen", response.respondent)
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.state != Response.State.SUBMITTED:
        raise ValidationError(NOT_SUBMITTED)
    if not (reason or "").strip():
        raise ValidationError({"reason": NO_REASON})
    if ReopenRequest.objects.filter(response=response, state=ReopenRequest.State.PENDING).exists():
        raise ValidationError(ALREADY_ASKED)
    request = ReopenRequest(response=response, reason=reason.strip(), requested_by=by)
    request._change_reason = "needs.reopen_request.made"
    request.save()
    from ..tasks import task_notify_reopen_request

    task_notify_reopen_request.enqueue(request_id=request.pk)
    return request


@transaction.atomic
def decline_reopen_request(request: ReopenRequest, *, by: User, reason: str) -> ReopenRequest:
    """Staff decline a pending request to reopen a response, saying why; the response stays submitted and the
    person who asked is e-mailed the reason by the worker. The response row is locked first, as
    `reopen_response` does, so a decline and a reopen at the same moment cannot both close the request."""
    require(by, "needs.reopen_response", request.response)
    if not (reason or "").strip():
        raise ValidationError({"reason": NO_DECLINE_REASON})
    Response.objects.select_for_update().get(pk=request.response_id)
    request = ReopenRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != ReopenRequest.State.PENDING:
        raise ValidationError(ALREADY_DECIDED % {"state": request.get_state_display().lower()}, code="decided")
    request.state, request.decided_by, request.decided_at = ReopenRequest.State.DECLINED, by, timezone.now()
    request.decline_reason = reason.strip()
    request.full_clean()
    request._change_reason = "needs.reopen_request.declined"
    request.save()
    from ..tasks import task_notify_reopen_declined

    task_notify_reopen_declined.enqueue(request_id=request.pk)
    return request
