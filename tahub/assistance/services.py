"""Every write to a technical assistance request: one function per use case.

Each moves the request through one declared transition (models.TARequest), inside one transaction, with the
row locked: it checks the permission, refuses a move from a state the caller did not see (someone else
acted first), records a dotted audit reason, stamps the time and enqueues the e-mails for the worker.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.accounts.rules import is_secretariat
from tahub.core import workflow
from tahub.parties.models import Eligibility

from . import routing
from .models import Assignment, Attachment, DeliveryReport, RequestCounter, State, TARequest
from .tasks import task_notify_request

NOT_ELIGIBLE = gettext_lazy(
    "%(party)s is classed as a developed country. Under Article 12 of the Convention, technical assistance "
    "is provided to developing-country Parties and Parties with economies in transition. Developed-country "
    "Parties can instead offer assistance: see the partner directory and the needs assessment."
)
STALE = gettext_lazy(
    "This request was moved to “%(state)s” by %(who)s at %(time)s, since you opened the page. "
    "Nothing was changed: review it again, then act."
)
ALREADY_DONE = gettext_lazy("You had already moved this request to “%(state)s” (at %(time)s): nothing more was done.")
CHANGED_SINCE = gettext_lazy(
    "This request changed since you opened it (by %(who)s at %(time)s): %(fields)s. Nothing of this form was "
    "saved. Your changes are below: check the request as it is now, then save again to replace it."
)
CHANGED_SINCE_VERSION = gettext_lazy("This request changed since you opened it (version %(seen)s, now %(now)s).")
NOT_ALLOWED = gettext_lazy("This is not possible while the request is “%(state)s”.")
NOT_PERMITTED = gettext_lazy("You may not do this to this request.")
NOT_IN_FUTURE = gettext_lazy("A delivery report covers what was delivered: this date is after today (%(today)s).")
NOT_BEFORE_SUBMISSION = gettext_lazy("The delivery cannot lie before the request was submitted (%(submitted)s).")
END_BEFORE_START = gettext_lazy("The end must come after the start.")


def _first_number(year):
    """The highest number already given in `year` (as an integer: "10000" is after "9999"), 0 if none."""
    prefix = f"TA-{year}-"
    numbers = [
        int(reference.removeprefix(prefix))
        for reference in TARequest.objects.filter(reference__startswith=prefix).values_list("reference", flat=True)
        if reference.removeprefix(prefix).isdigit()
    ]
    return max(numbers, default=0)


def next_reference(year):
    """TA-<year>-<n>, numbered per year from a counter row locked until the creating transaction ends, so
    concurrent filings wait for each other instead of taking the same number (at least 4 digits)."""
    with transaction.atomic():
        counter, _created = RequestCounter.objects.select_for_update().get_or_create(
            year=year, defaults={"last": lambda: _first_number(year)}
        )
        counter.last += 1
        counter.save(update_fields=["last"])
    return f"TA-{year}-{counter.last:04d}"


def _check(user, permission, obj):
    if not user.has_perm(permission, obj):
        raise PermissionDenied(NOT_PERMITTED)


def check_eligible(party):
    """Refuse, with the reason and where to look instead, a Party not eligible under Article 12."""
    if party.country.eligibility not in Eligibility.may_request_assistance():
        raise ValidationError(NOT_ELIGIBLE % {"party": party.country.name})


@transaction.atomic
def create_request(*, party, by, data, received_by_letter=False, creation_token=None):
    """Open a draft request for `party`. Refused for a developed-country Party, with the reason and where to go.

    `data` holds the form's cleaned fields; many-to-many fields (themes, assistance_types, chemicals,
    conventions) are set after the row exists. Staff may record a request received by letter on the
    Party's behalf (marked as such). `creation_token`: the one-time token of the form (see create_request_once).
    """
    _check(by, "assistance.file_request", party)
    check_eligible(party)
    fields = {k: v for k, v in data.items() if k not in routing.M2M_FIELDS}
    request = TARequest(
        party=party,
        created_by=by,
        received_by_letter=received_by_letter,
        reference=next_reference(timezone.now().year),
        creation_token=creation_token,
        **fields,
    )
    request.full_clean(exclude=["state", "creation_token"])
    request._change_reason = "assistance.request.created"
    request._history_user = by
    request.save()
    routing.set_tags(request, data)
    return request


def request_created_with(by, creation_token):
    """The request `by` already created with this form token, or None."""
    if not creation_token:
        return None
    return TARequest.objects.filter(creation_token=creation_token, created_by=by).first()


def create_request_once(*, creation_token, by, **kwargs):
    """(request, created): the draft this form (its one-time `creation_token`) creates, once. Sent again (a
    double click, the browser's "resend"), it answers the draft the first post created, even when both
    posts arrive together (the token is unique in the database: the second waits, then finds the first)."""
    existing = request_created_with(by, creation_token)
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            return create_request(by=by, creation_token=creation_token, **kwargs), True
    except IntegrityError:
        existing = request_created_with(by, creation_token)
        if existing is None:
            raise
        return existing, False


def _who(actor, by):
    """How a person is named to `by`: "you", a colleague by name, or "the Secretariat" to a Party."""
    if actor is None:
        return _("someone")
    if actor.pk == by.pk:
        return _("you")
    if is_secretariat(actor) and not is_secretariat(by):
        return _("the Secretariat")
    return str(actor)


def _locked(request, seen_state, by=None):
    locked = TARequest.objects.select_for_update().get(pk=request.pk)
    if seen_state is not None and locked.state != seen_state:
        last = locked.history.select_related("history_user").order_by("-history_date").first()
        actor = last.history_user if last else None
        when = workflow.when(last.history_date) if last else "?"
        state = locked.get_state_display()
        if by is not None and actor is not None and actor.pk == by.pk:
            raise workflow.Stale(ALREADY_DONE % {"state": state, "time": when}, mine=True)
        who = _who(actor, by) if by is not None else _("someone else")
        raise workflow.Stale(STALE % {"state": state, "who": who, "time": when})
    return locked


def _changed_fields(request, data):
    """The names of the fields `data` would change on `request` (tags compared as sets)."""
    changed = []
    for name, value in data.items():
        if name in routing.M2M_FIELDS:
            if {o.pk for o in getattr(request, name).all()} != {o.pk for o in value or []}:
                changed.append(name)
        elif getattr(request, name) != value:
            changed.append(name)
    return changed


def _changed_since(current, seen, by):
    """The refusal of an edit made from version `seen`: who changed what since, and when."""
    records = list(current.history.filter(version__gt=seen).select_related("history_user").order_by("history_date"))
    if not records:
        return workflow.Stale(CHANGED_SINCE_VERSION % {"seen": seen, "now": current.version})
    names = []
    for record in records:
        names += [n for n in record.last_changed.split(",") if n and n not in names]
    labels = "; ".join(str(TARequest._meta.get_field(n).verbose_name) for n in names) or _("its content")
    actors = {r.history_user_id: r.history_user for r in records}
    who = ", ".join(_who(actor, by) for actor in actors.values())
    mine = list(actors) == [by.pk]
    message = CHANGED_SINCE % {"who": who, "time": workflow.when(records[-1].history_date), "fields": labels}
    return workflow.Stale(message, mine=mine)


@transaction.atomic
def update_draft(request, *, by, data, seen_state=State.DRAFT, version=None):
    """Save changes to a request the Party is still writing (draft, or asked for more information).

    `version`: the request's version the editor read (None: no check). If it was saved since, the edit is
    refused (workflow.Stale naming who changed which fields, and when), unless it changes nothing from what is
    saved now (the same form sent twice). An edit that changes nothing saves nothing."""
    request = _locked(request, seen_state, by)
    _check(by, "assistance.change_request", request)
    try:
        request = workflow.lock_at_version(TARequest, request, version, by=by)
    except workflow.Stale:
        if not _changed_fields(request, data):
            return request
        raise _changed_since(request, version, by) from None
    changed = _changed_fields(request, data)
    if not changed:
        return request
    for name, value in data.items():
        if name not in routing.M2M_FIELDS:
            setattr(request, name, value)
    request.full_clean(exclude=["state", "creation_token"])
    request.version += 1
    request.last_changed = ",".join(changed)[:300]
    request._change_reason = "assistance.request.edited"
    request._history_user = by
    request.save()
    routing.set_tags(request, data)
    return request


def _move(request, *, by, action, permission, reason, seen_state=None, changes=None, notify=True):
    """Lock, check, transition, stamp, save with the audit reason, enqueue notifications."""
    request = _locked(request, seen_state, by)
    _check(by, permission, request)
    request._history_user = by  # who moved it, also outside a web request (the API's token, the worker)
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
    locked = _locked(request, seen_state, by)
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
    attachment._history_user = by
    attachment.save()
    return attachment


def _check_delivery_dates(request, start, end, today=None):
    """A delivery lies inside its frame: not after today, not before the request was submitted."""
    today = today or timezone.localdate()
    errors = {}
    submitted = timezone.localdate(request.submitted_at) if request.submitted_at else None
    for name, day in (("start", start), ("end", end)):
        if day and day > today:
            errors[name] = NOT_IN_FUTURE % {"today": today.isoformat()}
        elif day and submitted and day < submitted:
            errors[name] = NOT_BEFORE_SUBMISSION % {"submitted": submitted.isoformat()}
    if start and end and end < start and "end" not in errors:
        errors["end"] = END_BEFORE_START
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_delivery(assignment, *, by, start, end, activities, parties_benefited, document=None):
    """A provider reports what it delivered under its assignment: dates, activities, Parties, evidence.
    The dates lie between the request's submission and today."""
    _check(by, "assistance.report_delivery", assignment.request)
    _check_delivery_dates(assignment.request, start, end)
    report = DeliveryReport(
        assignment=assignment, start=start, end=end, activities=activities, reported_by=by, document=document or ""
    )
    report.full_clean()
    report._change_reason = "assistance.delivery.reported"
    report._history_user = by
    report.save()
    report.parties_benefited.set(parties_benefited)
    return report


@transaction.atomic
def correct_delivery_report(report, *, by, correction, start, end, activities, parties_benefited, document=None):
    """Staff correct a delivery report (wrong dates, activities or Parties): the same checks as reporting,
    the reason required; the history keeps the values before, who corrected and why."""
    report = DeliveryReport.objects.select_for_update().select_related("assignment__request").get(pk=report.pk)
    request = report.assignment.request
    _check(by, "assistance.correct_delivery", request)
    if not correction.strip():
        raise ValidationError({"correction": _("Say what was wrong: the history keeps it with the correction.")})
    _check_delivery_dates(request, start, end)
    report.start, report.end, report.activities, report.correction = start, end, activities, correction.strip()
    if document:
        report.document = document
    report.full_clean()
    report._change_reason = "assistance.delivery.corrected"
    report._history_user = by
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
    request._history_user = by
    request.save(update_fields=["programme_activity", "updated_at"])
    return request
