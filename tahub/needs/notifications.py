"""Invitations when a cycle opens and reminders before each deadline. Runs in the worker (tasks.py)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tahub.accounts.models import StaffRole
from tahub.core.mail import send_localized
from tahub.parties.models import Party

from .models import Cycle, Notice, ReopenRequest, respondent_url
from .selectors import respondents

SUBJECTS = {
    "invitation": _("%(cycle)s: you are invited to answer"),
    "reminder": _("%(cycle)s: reminder, the deadline is %(date)s"),
    "reopen_request": _("%(cycle)s: %(who)s asks to reopen its response"),
    "reopen_declined": _("%(cycle)s: your request to reopen the response of %(who)s is declined"),
}


def _send(cycle, kind, respondent, users, event, deadline):
    sent = 0
    url = settings.SITE_URL + respondent_url("needs:respond", cycle, kind, respondent)
    for user in users:
        context = {"cycle": cycle, "kind": kind, "respondent": respondent, "user": user, "url": url,
                   "deadline": deadline, "event": event, "deadlines": cycle.deadlines(kind)}  # fmt: skip
        sent += send_localized(
            [user],
            subject=lambda: str(SUBJECTS[event]) % {"cycle": cycle.title, "date": deadline.isoformat()},
            template="needs/email/message.txt",
            context=context,
        )
    return sent


def _claimed(cycle, kind, event, deadline, days_before):
    """{("p"|"o", pk)} of the respondents already sent this notice (one query)."""
    rows = Notice.objects.filter(cycle=cycle, kind=kind, event=event, days_before=days_before)
    rows = rows.filter(deadline=deadline) if event == Notice.Event.REMINDER else rows
    return {("p", p) if p else ("o", o) for p, o in rows.values_list("party_id", "organisation_id")}


def _notify_once(cycle, kind, respondent, users, event, *, deadline, parts, days_before=0):
    """Record the notice and send it, in one transaction: a notice already recorded (by an earlier run, a
    retry or a concurrent worker) is not sent again; a failed sending records nothing, so a retry sends it."""
    who = {"party": respondent} if isinstance(respondent, Party) else {"organisation": respondent}
    recorded = None if event == Notice.Event.INVITATION else deadline
    rows = [Notice(cycle=cycle, kind=kind, event=event, part=part, deadline=recorded, days_before=days_before,
                   recipients=len(users), **who) for part in parts]  # fmt: skip
    try:
        with transaction.atomic():
            Notice.objects.bulk_create(rows)
            return _send(cycle, kind, respondent, users, event, deadline)
    except IntegrityError:
        return 0


def _pending_unclaimed(cycle, kind, event, deadline, days_before):
    claimed = _claimed(cycle, kind, event, deadline, days_before)
    for respondent, users in respondents.pending(cycle, kind):
        key = ("p" if isinstance(respondent, Party) else "o", respondent.pk)
        if users and key not in claimed:
            yield respondent, users


def send_invitations(cycle_id):
    """E-mail the people of every invitee (needs and offers) not yet invited and not yet submitted; returns the
    number of e-mails sent. Run again after invitees were added, it invites only the new ones."""
    cycle = Cycle.objects.select_related("questionnaire", "offers_questionnaire").get(pk=cycle_id)
    sent = 0
    for kind in respondents.KINDS.values:
        if cycle.questionnaire_of(kind) is None:
            continue
        deadline = min(cycle.deadlines(kind).values())
        for respondent, users in _pending_unclaimed(cycle, kind, Notice.Event.INVITATION, None, 0):
            sent += _notify_once(cycle, kind, respondent, users, Notice.Event.INVITATION, deadline=deadline, parts=[""])
    return sent


def send_reminders(cycle_id, kind, deadline, *, parts=None, days_before=0):
    """E-mail the people of every invitee of `kind` that has not submitted, before `deadline` (of `parts`),
    once per respondent, deadline and `days_before`, however often it runs."""
    cycle = Cycle.objects.select_related("questionnaire", "offers_questionnaire").get(pk=cycle_id)
    parts = parts or [part for part, date in cycle.deadlines(kind).items() if date == deadline]
    return sum(
        _notify_once(
            cycle,
            kind,
            respondent,
            users,
            Notice.Event.REMINDER,
            deadline=deadline,
            parts=parts,
            days_before=days_before,
        )  # fmt: skip
        for respondent, users in _pending_unclaimed(cycle, kind, Notice.Event.REMINDER, deadline, days_before)
    )


def reopen_request_recipients(request):
    """The Secretariat's administrators and the regional focal point of the respondent's region."""
    country = request.response.respondent.country
    roles = Q(staff_roles__role=StaffRole.Role.ADMINISTRATOR)
    if country is not None:
        roles |= Q(staff_roles__role=StaffRole.Role.REGIONAL_FOCAL_POINT, staff_roles__region_id=country.region_id)
    users = get_user_model().objects.filter(roles, is_active=True, is_staff=True)
    return users.distinct().order_by("email")


def send_reopen_request(request_id):
    """E-mail the Secretariat a respondent's request to reopen its response; returns the e-mails sent."""
    request = ReopenRequest.objects.select_related(
        "response__cycle", "response__party__country", "response__organisation__country", "requested_by"
    ).get(pk=request_id)
    response, sent = request.response, 0
    url = settings.SITE_URL + reverse("needs_staff:reopen_requests")
    for user in reopen_request_recipients(request):
        sent += send_localized(
            [user],
            subject=lambda: (
                str(SUBJECTS["reopen_request"]) % {"cycle": response.cycle.title, "who": response.respondent}
            ),
            template="needs/email/reopen_request.txt",
            context={"request": request, "response": response, "user": user, "url": url},
        )
    return sent


def send_reopen_declined(request_id):
    """E-mail the person who asked to reopen a response that the Secretariat declined it, and why; returns the
    e-mails sent (none to a deactivated account)."""
    request = ReopenRequest.objects.select_related(
        "response__cycle", "response__party__country", "response__organisation", "requested_by"
    ).get(pk=request_id)
    user, response = request.requested_by, request.response
    if not user.is_active or request.state != ReopenRequest.State.DECLINED:
        return 0
    url = settings.SITE_URL + respondent_url("needs:respond", response.cycle, response.kind, response.respondent)
    return send_localized(
        [user],
        subject=lambda: str(SUBJECTS["reopen_declined"]) % {"cycle": response.cycle.title, "who": response.respondent},
        template="needs/email/reopen_declined.txt",
        context={"request": request, "response": response, "user": user, "url": url},
    )
