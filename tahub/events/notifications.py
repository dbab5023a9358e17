"""Who is told what when a registration moves. Runs in the worker (tasks.py), never in the web request."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.mail import send_localized

from .models import Registration

# Event (the audit reason) → subject. Joining instructions go only with a place confirmed.
EVENTS = {
    "events.registration.nominated": _("Nomination received: %(event)s"),
    "events.registration.accepted": _("Your place is confirmed: %(event)s"),
    "events.registration.promoted": _("A place is free for you: %(event)s"),
    "events.registration.waitlisted": _("You are on the waiting list: %(event)s"),
    "events.registration.again": _("Your registration: %(event)s"),
    "events.registration.declined": _("Your nomination was not accepted: %(event)s"),
    "events.registration.cancelled": _("Registration cancelled: %(event)s"),
    "events.registration.reminder": _("Reminder: %(event)s starts soon"),
    "events.event.cancelled": _("Event cancelled: %(event)s"),
    "events.survey.evaluation": _("How was it? Evaluate %(event)s"),
    "events.survey.follow-up": _("%(event)s: what has changed since? A short follow-up survey"),
}
# The column noting that the e-mail went out (so the daily jobs send each once); not an edit, no history row.
SENT_MARKS = {
    "events.registration.reminder": "reminded_at",
    "events.survey.evaluation": "evaluation_invited_at",
    "events.survey.follow-up": "follow_up_invited_at",
}
WITH_INSTRUCTIONS = {"events.registration.accepted", "events.registration.promoted", "events.registration.reminder"}


def _recipients(registration):
    """The participant, in the language of their account if they have one, else the one they registered (or were
    nominated) in; and the nominating contact point, in their account's language (core.mail.send_localized)."""
    recipients = [(registration.email, registration.language)]
    nominator = registration.nominated_by
    if nominator and nominator.email.lower() != registration.email.lower():
        recipients.append(nominator)
    return recipients


def send_registration_event(*, registration_id, event):
    """E-mail the participant and, for a nomination, the nominator, each in their language; returns the count."""
    registration = Registration.objects.select_related("event", "party__country", "nominated_by").get(
        pk=registration_id
    )
    context = {
        "registration": registration,
        "e": registration.event,
        "what": event,
        "instructions": event in WITH_INSTRUCTIONS,
        "site_url": settings.SITE_URL,
    }
    sent = sum(
        send_localized(
            [recipient],  # each separately: a participant and their nominator do not share one message
            subject=lambda: str(EVENTS[event]) % {"event": registration.event.title},
            template="events/email/registration.txt",
            context=context,
        )
        for recipient in _recipients(registration)
    )
    if event in SENT_MARKS:
        Registration.objects.filter(pk=registration_id).update(**{SENT_MARKS[event]: timezone.now()})
    return sent
