"""Every write to a technical assistance request: one function per use case.

Each moves the request through one declared transition (models.TARequest), inside one transaction, with the
row locked: it checks the permission, refuses a move from a state the caller did not see (someone else
acted first), records a dotted audit reason, stamps the time and enqueues the e-mails for the worker.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.parties.models import Eligibility

from . import routing
from .models import Assignment, Attachment, DeliveryReport, State, TARequest
from .tasks import task_notify_request

NOT_ELIGIBLE = gettext_lazy(
    "%(party)s is classed as a developed country. Under Article 12 of the Convention, technical assistance "
    "is provided to developing-country Parties and Parties with economies in transition. Developed-country "
    "Parties can instead offer assistance: see the partner directory and the needs assessment."
)
STALE = gettext_lazy(
    "This request was moved to “%(state)s” by someone else while you were looking at it. "
    "Nothing was changed: review it again, then act."
)
NOT_ALLOWED = gettext_lazy("This is not possible while the request is “%(state)s”.")
NOT_PERMITTED = gettext_lazy("You may not do this to this request.")


class RequestStale(Exception):
    pass


def next_reference(year):
    """TA-<year>-<n>, numbered per year; called under the transaction that creates the request."""
    prefix = f"TA-{year}-"
    last = TARequest.objects.filter(reference__startswith=prefix).order_by("-reference").first()
    number = int(last.reference.removeprefix(prefix)) + 1 if last else 1
    return f"{prefix}{number:04d}"


def _check(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied(NOT_PERMITTED)


def check_eligible(party):
    """Refuse, with the reason and where to look instead, a Party not eligible under Article 12."""
    if party.country.eligibility not in Eligibility.may_request_assistance():
        raise ValidationError(NOT_ELIGIBLE % {"party": party.country.name})


@transaction.atomic
def create_request(*, party, by, data, received_by_letter=False):
    """Open a draft request for `party`. Refused for a developed-country Party, with the reason and where to go.

    `data` holds the form's cleaned fields; many-to-many fields (themes, assistance_types, chemicals,
    conventions) are set after the row exists. Staff may record a request received by letter on the
    Party's behalf (marked as such).
    """
    _check(by, "assistance.file_request", party)
    check_eligible(party)
    fields = {k: v for k, v in data.items() if k not in routing.M2M_FIELDS}
    request = TARequest(
        party=party,
        created_by=by,
        received_by_letter=received_by_letter,
        reference=next_reference(timezone.now().year),
        **fields,
    )
    request.full_clean(exclude=["state"])
    request._change_reason = "assistance.request.created"
    request.save()
    routing.set_tags(request, data)
    return request


def _locked(request, seen_state):
    locked = TARequest.objects.select_for_update().get(pk=request.pk)
    if seen_state is not None and locked.state != seen_state:
        raise RequestStale(STALE % {"state": locked.get_state_display()})
    return locked


@transaction.atomic
def update_draft(request, *, by, data, seen_state=State.DRAFT):
    """Save changes to a request the Party is still writing (draft, or asked for more information)."""
    request = _locked(request, seen_state)
    _check(by, "assistance.change_request", request)
    for name, value in data.items():
        if name not in routing.M2M_FIELDS:
            setattr(request, name, value)
    request.full_clean(exclude=["state"])
    request._change_reason = "assistance.request.edited"
    request.save()
    routing.set_tags(request, data)
    return request


def _move(request, *, by, action, permission, reason, seen_state=None, changes=None, notify=True):
    """Lock, check, transition, stamp, save with the audit reason, enqueue notifications."""
    request = _locked(request, seen_state)
    _check(by, permission, request)
    request = workflow.move(
        TARequest, request, action, reason=reason, changes=changes, not_allowed=NOT_ALLOWED, lock=False
    )
    if notify:
        task_notify_request.enqueue(request_id=request.pk, event=reason)
    return request


@transaction.atomic
def submit_request(request, *, by, seen_state=None):
    """Submit a draft (or answer a request for information): check it is complete, route it, notify.

    Completeness is checked field by field (ValidationError with a message per field). The request goes
    to the regional focal point of the Party's UN region.
    """
    locked = _locked(request, seen_state)
    check_eligible(locked.party)
    routing.check_complete(locked)
    changes = {"owner": routing.regional_focal_point(locked.party)}
    if locked.state == State.INFO_NEEDED:
        action, reason = "resubmit", "assistance.request.resubmitted"
    else:
        action, reason = "submit", "assistance.request.submitted"
        changes["submitted_at"] = timezone.now()
    return _move(locked, by=by, action=action, permission="assistance.submit_request", reason=reason, changes=changes)


@transaction.atomic
def start_review(request, *, by, seen_state=State.SUBMITTED):
    """The Secretariat acknowledges the request and starts its review (ends the acknowledgement clock)."""
    changes = {"reviewed_at": timezone.now(), "owner": by}
    return _move(
        request,
        by=by,
        action="start_review",
        permission="assistance.triage_request",
        reason="assistance.request.review_started",
        seen_state=seen_state,
        changes=changes,
    )


@transaction.atomic
def ask_information(request, *, by, message, seen_state=State.UNDER_REVIEW):
    """Ask the Party for more information; the Party edits and resubmits."""
    if not message.strip():
        raise ValidationError({"message": _("Say what information is needed.")})
    return _move(
        request,
        by=by,
        action="ask_information",
        permission="assistance.triage_request",
        reason="assistance.request.information_asked",
        seen_state=seen_state,
        changes={"message": message},
    )


@transaction.atomic
def accept_request(request, *, by, seen_state=State.UNDER_REVIEW):
    """Accept the request (ends the decision clock); providers are assigned next."""
    return _move(
        request,
        by=by,
        action="accept",
        permission="assistance.triage_request",
        reason="assistance.request.accepted",
        seen_state=seen_state,
        changes={"decided_at": timezone.now()},
    )


@transaction.atomic
def decline_request(request, *, by, reason, seen_state=State.UNDER_REVIEW):
    """Decline the request; the reason is required and is sent to the Party."""
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for declining; the Party will read it.")})
    changes = {"decided_at": timezone.now(), "message": reason}
    return _move(
        request,
        by=by,
        action="decline",
        permission="assistance.triage_request",
        reason="assistance.request.declined",
        seen_state=seen_state,
        changes=changes,
    )


@transaction.atomic
def assign_providers(request, *, by, organisations, role="", seen_state=None):
    """Assign one or more providers. A provider that offers none of the request's themes or types of
    assistance may still be assigned: the assignment records the warning, which the caller shows."""
    organisations = list(organisations)
    if not organisations:
        raise ValidationError({"organisations": _("Choose at least one provider.")})
    request = _move(
        request,
        by=by,
        action="assign",
        permission="assistance.triage_request",
        reason="assistance.request.assigned",
        seen_state=seen_state,
    )
    assignments = []
    for organisation in organisations:
        warning = routing.fit_warning(request, organisation)
        assignment, _created = Assignment.objects.get_or_create(
            request=request, organisation=organisation, defaults={"role": role, "assigned_by": by, "warning": warning}
        )
        assignments.append(assignment)
    return request, assignments


@transaction.atomic
def start_delivery(request, *, by, seen_state=State.ASSIGNED):
    return _move(
        request,
        by=by,
        action="start_delivery",
        permission="assistance.deliver_request",
        reason="assistance.request.delivery_started",
        seen_state=seen_state,
    )


@transaction.atomic
def mark_delivered(request, *, by, seen_state=State.IN_DELIVERY):
    return _move(
        request,
        by=by,
        action="mark_delivered",
        permission="assistance.deliver_request",
        reason="assistance.request.delivered",
        seen_state=seen_state,
        changes={"delivered_at": timezone.now()},
    )


@transaction.atomic
def close_request(request, *, by, satisfaction, comment="", seen_state=State.DELIVERED):
    """The Party closes a delivered request with its feedback: satisfaction 1–5 and a comment."""
    if satisfaction not in range(1, 6):
        raise ValidationError({"satisfaction": _("Rate your satisfaction from 1 (poor) to 5 (excellent).")})
    changes = {"closed_at": timezone.now(), "satisfaction": satisfaction, "feedback": comment}
    return _move(
        request,
        by=by,
        action="close",
        permission="assistance.close_request",
        reason="assistance.request.closed",
        seen_state=seen_state,
        changes=changes,
    )


@transaction.atomic
def withdraw_request(request, *, by, seen_state=None):
    """The Party withdraws its request, at any point before delivery."""
    return _move(
        request,
        by=by,
        action="withdraw",
        permission="assistance.withdraw_request",
        reason="assistance.request.withdrawn",
        seen_state=seen_state,
    )


@transaction.atomic
def add_attachment(request, *, by, upload, title=""):
    """Attach a checked document (type, size and content: see core.uploads) to a request the person may edit."""
    _check(by, "assistance.change_request", request)
    attachment = Attachment(request=request, file=upload, title=title, uploaded_by=by)
    attachment.full_clean()
    attachment._change_reason = "assistance.request.attachment_added"
    attachment.save()
    return attachment


@transaction.atomic
def report_delivery(assignment, *, by, start, end, activities, parties_benefited, document=None):
    """A provider reports what it delivered under its assignment: dates, activities, Parties, evidence."""
    _check(by, "assistance.report_delivery", assignment.request)
    report = DeliveryReport(
        assignment=assignment, start=start, end=end, activities=activities, reported_by=by, document=document or ""
    )
    report.full_clean()
    report._change_reason = "assistance.delivery.reported"
    report.save()
    report.parties_benefited.set(parties_benefited)
    return report


@transaction.atomic
def set_programme_activity(request, *, by, activity):
    """Staff say which programme of work activity this request delivers (or none): audited, row locked."""
    _check(by, "assistance.triage_request", request)
    request = TARequest.objects.select_for_update().get(pk=request.pk)
    if request.programme_activity_id == (activity.pk if activity else None):
        return request
    request.programme_activity = activity
    request._change_reason = "assistance.request.programme_activity"
    request.save(update_fields=["programme_activity", "updated_at"])
    return request
