"""Every write to events and their participants: one function per use case.

Whatever changes who holds a place (nominating, registering, accepting, cancelling) first locks the event's
row, so two staff accepting the last place at once, or a cancellation racing an acceptance, are serialised:
one wins, the other is told, and capacity and quotas hold. E-mails are enqueued for the worker on commit.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from tahub.accounts.rules import require
from tahub.core import workflow
from tahub.parties.models import Eligibility

from .models import Event, EventState, Registration, RegistrationMode, RegistrationState
from .tasks import task_notify_registration

CLOSED = _("Registration for this event closed on %(date)s (%(zone)s time). Ask the Secretariat if it is urgent.")
NOT_OPEN_MODE = _("This event takes nominations from Parties only; ask your country's contact point.")
NOT_NOMINATION_MODE = _("This event has open registration: participants register themselves on the event page.")
QUOTA = _(
    "%(party)s has already nominated %(count)s participants, the most this event allows per Party. "
    "Cancel a nomination to propose someone else."
)
TWICE = _("%(email)s is already registered for this event.")
# What anyone registering for an open event is told, whether or not the address was registered already.
REGISTRATION_SENT = _(
    "Thank you. We have sent an e-mail to %(email)s with your registration and your private link: open it to see "
    "whether your place is confirmed. If it does not arrive within a few minutes, look in your spam folder."
)
NOT_ELIGIBLE = _("%(party)s may not nominate for this event: it is open to %(who)s only.")
ELIGIBLE_PARTIES = _("developing-country Parties and Parties with economies in transition")
FULL = _("The event is full (%(capacity)s places). Put the person on the waiting list, or cancel someone first.")
PARTY_FULL = _("%(party)s already has %(count)s accepted participants, its quota for this event.")
STALE = _(
    "This registration changed since you read it (at %(when)s): it is now “%(state)s”. Nothing was changed: "
    "check it as it is now, then decide again."
)
LETTER = _("Attach the nomination letter signed for the Party (PDF or Word).")


def _language(code):
    """The language of the request, kept for the person's e-mails when it is one the site offers."""
    code = (code or "")[:2]
    return code if code in dict(settings.LANGUAGES) else ""


def _lock_event(event):
    return Event.objects.select_for_update().get(pk=event.pk)


def _notify(registration, what):
    transaction.on_commit(
        lambda: task_notify_registration.enqueue(registration_id=registration.pk, event=what), robust=True
    )


@transaction.atomic
def publish_event(event, *, by):
    """Publish a draft event: it appears in the calendar, the feed and the API."""
    require(by, "events.manage_events")
    return workflow.move(Event, event, "publish", reason="events.event.published")


@transaction.atomic
def cancel_event(event, *, by):
    """Cancel an event; everyone holding or awaiting a place is told."""
    require(by, "events.manage_events")
    event = workflow.move(Event, event, "cancel", reason="events.event.cancelled")
    for registration in event.registrations.filter(state__in=RegistrationState.active()):
        _notify(registration, "events.event.cancelled")
    return event


def _check_open(event, now=None):
    if not event.registration_open(now):
        raise ValidationError(CLOSED % {"date": event.registration_deadline.isoformat(), "zone": event.time_zone})


def _check_eligible(event, party):
    regions = list(event.eligible_regions.all())
    if event.eligible_parties_only and party.country.eligibility not in Eligibility.may_request_assistance():
        raise ValidationError(NOT_ELIGIBLE % {"party": party, "who": ELIGIBLE_PARTIES})
    if regions and party.country.region_id not in {r.pk for r in regions}:
        raise ValidationError(NOT_ELIGIBLE % {"party": party, "who": ", ".join(r.name for r in regions)})


def _check_not_twice(event, email):
    if event.registrations.filter(email__iexact=email, state__in=RegistrationState.active()).exists():
        raise ValidationError({"email": TWICE % {"email": email}})


def _save_new(registration):
    registration.full_clean(exclude=["state", "token"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same person, registered at the same moment by someone else
        raise ValidationError({"email": TWICE % {"email": registration.email}}) from None
    return registration


@transaction.atomic
def nominate(event, *, party, by, name, email, position="", letter=None, language="", now=None):
    """A Party's contact or focal point nominates a participant for its own Party, with the nomination letter.

    Refused, with the reason and nothing saved: someone who does not act for this Party; an event with open
    registration; after the deadline (in the event's time zone); a Party not eligible; the Party's quota
    already used by active nominations; the same person twice. Staff then accept, waitlist or decline.
    """
    require(by, "events.nominate_for_party", party)
    event = _lock_event(event)
    if event.registration_mode != RegistrationMode.NOMINATION:
        raise ValidationError(NOT_NOMINATION_MODE)
    _check_open(event, now)
    _check_eligible(event, party)
    email = email.strip().lower()
    _check_not_twice(event, email)
    count = event.registrations.filter(party=party, state__in=RegistrationState.active()).count()
    if count >= event.party_quota:
        raise ValidationError(QUOTA % {"party": party, "count": count})
    if not letter:
        raise ValidationError({"letter": LETTER})
    registration = Registration(
        event=event,
        party=party,
        name=name.strip(),
        email=email,
        position=position,
        letter=letter,
        nominated_by=by,
        state=RegistrationState.NOMINATED,
        language=_language(language),
    )
    registration._change_reason = "events.registration.nominated"
    _save_new(registration)
    _notify(registration, "events.registration.nominated")
    return registration


@transaction.atomic
def register(event, *, name, email, position="", language="", now=None):
    """Anyone registers for an open event (a webinar): accepted while places remain, else waiting-listed.

    Anonymous, so the answer must not tell whether an address is already registered (anyone could test
    addresses) and the private link goes only to the address itself: for an address already holding or
    awaiting a place nothing changes, and that registration's link is e-mailed to it again. The caller shows
    the same "we have sent you an e-mail" either way; the returned registration is for the e-mail only."""
    event = _lock_event(event)
    if event.registration_mode != RegistrationMode.OPEN:
        raise ValidationError(NOT_OPEN_MODE)
    _check_open(event, now)
    email = email.strip().lower()
    existing = event.registrations.filter(email__iexact=email, state__in=RegistrationState.active()).first()
    if existing is not None:
        _notify(existing, "events.registration.again")
        return existing
    accepted = event.registrations.filter(state=RegistrationState.ACCEPTED).count()
    state = RegistrationState.ACCEPTED if accepted < event.capacity else RegistrationState.WAITLISTED
    registration = Registration(
        event=event, name=name.strip(), email=email, position=position, state=state, language=_language(language)
    )
    registration._change_reason = "events.registration.registered"
    _save_new(registration)
    _notify(registration, f"events.registration.{registration.state}")
    return registration


def _places_check(event, registration):
    """Raise unless accepting `registration` keeps the event within capacity and its Party within quota."""
    counts = event.registrations.filter(state=RegistrationState.ACCEPTED).aggregate(
        total=Count("pk"), party=Count("pk", filter=Q(party_id=registration.party_id))
    )
    if counts["total"] >= event.capacity:
        raise ValidationError(FULL % {"capacity": event.capacity})
    nominated = registration.party_id and event.registration_mode == RegistrationMode.NOMINATION
    if nominated and counts["party"] >= event.party_quota:
        raise ValidationError(PARTY_FULL % {"party": registration.party, "count": counts["party"]})


def _move(registration, action, *, seen_state, reason, changes=None):
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if seen_state and current.state != seen_state:
        raise workflow.Stale(STALE % {"state": current.get_state_display(), "when": workflow.when(current.updated_at)})
    return workflow.move(Registration, current, action, reason=reason, changes=changes, lock=False)


@transaction.atomic
def accept_registration(registration, *, by, seen_state=None):
    """Staff accept a participant, within the event's capacity and the Party's quota (checked under lock)."""
    require(by, "events.manage_events")
    event = _lock_event(registration.event)
    _places_check(event, registration)
    registration = _move(registration, "accept", seen_state=seen_state, reason="events.registration.accepted")
    _notify(registration, "events.registration.accepted")
    return registration


@transaction.atomic
def waitlist_registration(registration, *, by, seen_state=None):
    require(by, "events.manage_events")
    _lock_event(registration.event)
    registration = _move(registration, "waitlist", seen_state=seen_state, reason="events.registration.waitlisted")
    _notify(registration, "events.registration.waitlisted")
    return registration


@transaction.atomic
def decline_registration(registration, *, by, message="", seen_state=None):
    require(by, "events.manage_events")
    _lock_event(registration.event)
    registration = _move(
        registration,
        "decline",
        seen_state=seen_state,
        reason="events.registration.declined",
        changes={"message": message},
    )
    _notify(registration, "events.registration.declined")
    return registration


def _promote_waiting(event):
    """Give a freed place to the first person on the waiting list who fits (capacity and their Party's quota)."""
    for candidate in event.registrations.filter(state=RegistrationState.WAITLISTED).order_by("created_at", "pk"):
        try:
            _places_check(event, candidate)
        except ValidationError:
            continue
        promoted = _move(candidate, "accept", seen_state=None, reason="events.registration.promoted")
        _notify(promoted, "events.registration.promoted")
        return promoted
    return None


@transaction.atomic
def cancel_registration(registration, *, by=None, token=None, seen_state=None):
    """Cancel a place: by staff, by the Party's contact points, or by the participant through their private
    link (`token`). A freed accepted place goes to the first who fits on the waiting list."""
    by_participant = token is not None and token == registration.token
    by_staff_or_party = by is not None and (
        by.has_perm("events.manage_events") or by.has_perm("events.nominate_for_party", registration.party)
    )
    if not (by_participant or by_staff_or_party):
        raise PermissionDenied(_("Only the Secretariat, the Party's contact points or the participant may cancel."))
    event = _lock_event(registration.event)
    was_accepted = Registration.objects.get(pk=registration.pk).state == RegistrationState.ACCEPTED
    registration = _move(registration, "cancel", seen_state=seen_state, reason="events.registration.cancelled")
    _notify(registration, "events.registration.cancelled")
    promoted = _promote_waiting(event) if was_accepted else None
    return registration, promoted


@transaction.atomic
def record_attendance(event, *, by, attended_ids):
    """Mark who attended among the accepted participants; the others are marked absent. Returns the count."""
    require(by, "events.manage_events")
    accepted = event.registrations.filter(state=RegistrationState.ACCEPTED)
    unknown = set(attended_ids) - set(accepted.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("Only accepted participants can be marked as attending."))
    rows = list(accepted)
    for row in rows:
        row.attended = row.pk in set(attended_ids)
    bulk_update_with_history(
        rows, Registration, ["attended"], batch_size=500, default_change_reason="events.registration.attendance"
    )
    return len(attended_ids)


def is_event_over(event, now=None):
    return (now or timezone.now()) >= event.end and event.state == EventState.PUBLISHED
