"""Who is told what when a request moves. Runs in the worker (tasks.py), never in the web request."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tahub.core.mail import send_localized

from . import selectors

# Event (the audit reason) → (subject, who is told).
EVENTS = {
    "assistance.request.submitted": (_("New technical assistance request %(ref)s"), "secretariat"),
    "assistance.request.resubmitted": (_("Request %(ref)s: the Party has answered"), "secretariat"),
    "assistance.request.review_started": (_("Your request %(ref)s is under review"), "party"),
    "assistance.request.information_asked": (_("Your request %(ref)s: more information needed"), "party"),
    "assistance.request.accepted": (_("Your request %(ref)s has been accepted"), "party"),
    "assistance.request.declined": (_("Your request %(ref)s has been declined"), "party"),
    "assistance.request.assigned": (_("Request %(ref)s: providers assigned"), "party+providers"),
    "assistance.request.delivery_started": (_("Request %(ref)s: delivery has started"), "party"),
    "assistance.request.delivered": (_("Request %(ref)s has been delivered: please give feedback"), "party"),
    "assistance.request.closed": (_("Request %(ref)s is closed"), "secretariat"),
    "assistance.request.withdrawn": (_("Request %(ref)s was withdrawn by the Party"), "secretariat"),
    "assistance.request.overdue": (_("Request %(ref)s is overdue"), "secretariat"),
}


def send_request_event(*, request_id, event):
    """E-mail each person concerned, in their own language; returns the number of e-mails sent."""
    request = selectors.request_for_notification(request_id)
    subject, audience = EVENTS[event]
    sent = 0
    for user in selectors.notification_recipients(request, audience):
        sent += send_localized(
            [user],
            subject=lambda: str(subject) % {"ref": request.reference},
            template="assistance/email/event.txt",
            context={"request": request, "event": event, "user": user, "site_url": settings.SITE_URL},
        )
    return sent
