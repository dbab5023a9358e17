"""Who holds a place at an event: a Party's nominations, open registrations, the Secretariat's decisions
(accept, waitlist, decline), cancellations and the waiting list moving up.

Whatever changes who holds a place first locks the event's row, so two staff accepting the last place at once,
or a cancellation racing an acceptance, are serialised: one wins, the other is told, and capacity and quotas
hold. E-mails are enqueued for the worker on commit.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from tahub.core import workflow
from tahub.core.rules import REASONS, require
from tahub.parties.models import Eligibility

from ..models import Event, Registration, RegistrationMode, RegistrationState
from .events import lock_event, notify

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User
    from tahub.parties.models import Party

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
# A cancellation by a private link that is not this registration's: the link is the participant's only key.
NOT_THE_LINK = _(
    "This is not the private link of this registration, so it cannot cancel it. Open the link in your e-mails "
    "about the event, or ask the Secretariat."
)


def _language(code: str) -> str:
    """The language of the request, kept for the person's e-mails when it is one the site offers."""
    code = (code or "")[:2]
    return code if code in dict(settings.LANGUAGES) else ""


def _check_open(event: Event, now: datetime.datetime | None = None) -> None:
    if not event.registration_open(now):
        raise ValidationError(CLOSED % {"date": event.registration_deadline.isoformat(), "zone": event.time_zone})


def _check_eligible(event: Event, party: Party) -> None:
    regions = list(event.eligible_regions.all())
    if event.eligible_parties_only and party.country.eligibility not in Eligibility.may_request_assistance():
        raise ValidationError(NOT_ELIGIBLE % {"party": party, "who": ELIGIBLE_PARTIES})
    if regions and party.country.region_id not in {r.pk for r in regions}:
        raise ValidationError(NOT_ELIGIBLE % {"party": party, "who": ", ".join(r.name for r in regions)})


def _check_not_twice(event: Event, email: str) -> None:
    if event.registrations.filter(email__iexact=email, state__in=RegistrationState.active()).exists():
        raise ValidationError({"email": TWICE % {"email": email}})


def _save_new(registration: Registration) -> Registration:
    registration.full_clean(exclude=["state", "token"])
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:  # the same person, registered at the same moment by someone else
        raise ValidationError({"email": TWICE % {"email": registration.email}}) from None
    return registration


@transaction.atomic
def nominate(
    event: Event,
    *,
    party: Party,
    by: User,
    name: str,
    email: str,
    position: str = "",
    letter: UploadedFile | None = None,
    language: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """A Party's contact or focal point nominates a participant for its own Party, with the nomination letter.

    Refused, with the reason and nothing saved: someone who does not act for this Party; an event with open
    registration; after the deadline (in the event's time zone); a Party not eligible; the Party's quota
    already used by active nominations; the same person twice. Staff then accept, waitlist or decline.
    """
    require(by, "events.nominate_for_party", party)
    event = lock_event(event)
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
    notify(registration, "events.registration.nominated")
    return registration


@transaction.atomic
def register(
    event: Event,
    *,
    name: str,
    email: str,
    position: str = "",
    language: str = "",
    now: datetime.datetime | None = None,
) -> Registration:
    """Anyone registers for an open event (a webinar): accepted while places remain, else waiting-listed.

    Anonymous, so the answer must not tell whether an address is already registered (anyone could test
    addresses) and the private link goes only to the address itself: for an address already holding or
    awaiting a place nothing changes, and that registration's link is e-mailed to it again. The caller shows
    the same "we have sent you an e-mail" either way; the returned registration is for the e-mail only."""
    event = lock_event(event)
    if event.registration_mode != RegistrationMode.OPEN:
        raise ValidationError(NOT_OPEN_MODE)
    _check_open(event, now)
    email = email.strip().lower()
    existing = event.registrations.filter(email__iexact=email, state__in=RegistrationState.active()).first()
    if existing is not None:
        notify(existing, "events.registration.again")
        return existing
    accepted = event.registrations.filter(state=RegistrationState.ACCEPTED).count()
    state = RegistrationState.ACCEPTED if accepted < event.capacity else RegistrationState.WAITLISTED
    registration = Registration(
        event=event, name=name.strip(), email=email, position=position, state=state, language=_language(language)
    )
    registration._change_reason = "events.registration.registered"
    _save_new(registration)
    notify(registration, f"events.registration.{registration.state}")
    return registration


def _places_check(event: Event, registration: Registration) -> None:
    """Raise unless accepting `registration` keeps the event within capacity and its Party within quota."""
    counts = event.registrations.filter(state=RegistrationState.ACCEPTED).aggregate(
        total=Count("pk"), party=Count("pk", filter=Q(party_id=registration.party_id))
    )
    if counts["total"] >= event.capacity:
        raise ValidationError(FULL % {"capacity": event.capacity})
    nominated = registration.party_id and event.registration_mode == RegistrationMode.NOMINATION
    if nominated and counts["party"] >= event.party_quota:
        raise ValidationError(PARTY_FULL % {"party": registration.party, "count": counts["party"]})


def _move(
    registration: Registration,
    action: str,
    *,
    by: User | None,
    seen_state: str | None,
    reason: str,
    changes: dict[str, str] | None = None,
) -> Registration:
    """Lock, refuse a stale page, then move: the transition asks its permission of `by` (None: the system or
    the participant's private link, for the transitions that declare none)."""
    current = Registration.objects.select_for_update().get(pk=registration.pk)
    if seen_state and current.state != seen_state:
        raise workflow.Stale(STALE % {"state": current.get_state_display(), "when": workflow.when(current.updated_at)})
    return workflow.move(Registration, current, action, by=by, reason=reason, changes=changes, lock=False)


@transaction.atomic
def accept_registration(registration: Registration, *, by: User, seen_state: str | None = None) -> Registration:
    """Staff accept a participant, within the event's capacity and the Party's quota (checked under lock)."""
    workflow.require_transition(by, registration, "accept")
    event = lock_event(registration.event)
    _places_check(event, registration)
    registration = _move(registration, "accept", by=by, seen_state=seen_state, reason="events.registration.accepted")
    notify(registration, "events.registration.accepted")
    return registration


@transaction.atomic
def waitlist_registration(registration: Registration, *, by: User, seen_state: str | None = None) -> Registration:
    workflow.require_transition(by, registration, "waitlist")
    lock_event(registration.event)
    registration = _move(
        registration, "waitlist", by=by, seen_state=seen_state, reason="events.registration.waitlisted"
    )
    notify(registration, "events.registration.waitlisted")
    return registration


@transaction.atomic
def decline_registration(
    registration: Registration, *, by: User, message: str = "", seen_state: str | None = None
) -> Registration:
    workflow.require_transition(by, registration, "decline")
    lock_event(registration.event)
    registration = _move(
        registration,
        "decline",
        by=by,
        seen_state=seen_state,
        reason="events.registration.declined",
        changes={"message": message},
    )
    notify(registration, "events.registration.declined")
    return registration


def _promote_waiting(event: Event) -> Registration | None:
    """Give a freed place to the first person on the waiting list who fits (capacity and their Party's quota)."""
    for candidate in event.registrations.filter(state=RegistrationState.WAITLISTED).order_by("created_at", "pk"):
        try:
            _places_check(event, candidate)
        except ValidationError:
            continue
        promoted = _move(candidate, "promote", by=None, seen_state=None, reason="events.registration.promoted")
        notify(promoted, "events.registration.promoted")
        return promoted
    return None


@transaction.atomic
def cancel_registration(
    registration: Registration, *, by: User | None = None, token: str | None = None, seen_state: str | None = None
) -> tuple[Registration, Registration | None]:
    """Cancel a place: by staff, by the Party's contact points, or by the participant through their private
    link (`token`). A freed accepted place goes to the first who fits on the waiting list.

    Refused (PermissionDenied with the reason, nothing changed): a token that is not this registration's
    (NOT_THE_LINK), someone the permission does not let cancel it, and neither a person nor a token."""
    if token is not None:
        if token != registration.token:
            raise PermissionDenied(NOT_THE_LINK)
        action, by = "cancel_by_participant", None  # the holder of the private link
    elif by is not None:
        action = "cancel"
        workflow.require_transition(by, registration, action)
    else:
        raise PermissionDenied(REASONS["events.cancel_registration"])
    event = lock_event(registration.event)
    was_accepted = Registration.objects.get(pk=registration.pk).state == RegistrationState.ACCEPTED
    registration = _move(registration, action, by=by, seen_state=seen_state, reason="events.registration.cancelled")
    notify(registration, "events.registration.cancelled")
    promoted = _promote_waiting(event) if was_accepted else None
    return registration, promoted
