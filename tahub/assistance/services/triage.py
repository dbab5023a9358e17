"""The Secretariat's triage of a submitted request: starting its review, asking the Party for more
information, accepting or declining it, and linking it to the programme of work activity it delivers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import State, TARequest
from .moves import check, move_request

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.planning.models import ProgrammeActivity


@transaction.atomic
def start_review(request: TARequest, *, by: User, seen_state: str | None = State.SUBMITTED) -> TARequest:
    """The Secretariat acknowledges the request and starts its review (ends the acknowledgement clock)."""
    changes = {"reviewed_at": timezone.now(), "owner": by}
    return move_request(
        request,
        by=by,
        action="start_review",
        reason="assistance.request.review_started",
        seen_state=seen_state,
        changes=changes,
    )


@transaction.atomic
def ask_information(
    request: TARequest, *, by: User, message: str, seen_state: str | None = State.UNDER_REVIEW
) -> TARequest:
    """Ask the Party for more information; the Party edits and resubmits."""
    if not message.strip():
        raise ValidationError({"message": _("Say what information is needed.")})
    return move_request(
        request,
        by=by,
        action="ask_information",
        reason="assistance.request.information_asked",
        seen_state=seen_state,
        changes={"message": message},
    )


@transaction.atomic
def accept_request(request: TARequest, *, by: User, seen_state: str | None = State.UNDER_REVIEW) -> TARequest:
    """Accept the request (ends the decision clock); providers are assigned next."""
    return move_request(
        request,
        by=by,
        action="accept",
        reason="assistance.request.accepted",
        seen_state=seen_state,
        changes={"decided_at": timezone.now()},
    )


@transaction.atomic
def decline_request(
    request: TARequest, *, by: User, reason: str, seen_state: str | None = State.UNDER_REVIEW
) -> TARequest:
    """Decline the request; the reason is required and is sent to the Party."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining; the Party will read it.")})
    changes = {"decided_at": timezone.now(), "message": reason}
    return move_request(
        request,
        by=by,
        action="decline",
        reason="assistance.request.declined",
        seen_state=seen_state,
        changes=changes,
    )


@transaction.atomic
def set_programme_activity(request: TARequest, *, by: User, activity: ProgrammeActivity | None) -> TARequest:
    """Staff say which programme of work activity this request delivers (or none): audited, row locked."""
    check(by, "assistance.triage_request", request)
    request = TARequest.objects.select_for_update().get(pk=request.pk)
    if request.programme_activity_id == (activity.pk if activity else None):
        return request
    request.programme_activity = activity
    request._change_reason = "assistance.request.programme_activity"
    request._history_user = by
    request.save(update_fields=["programme_activity", "updated_at"])
    return request
