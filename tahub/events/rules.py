"""Who may do what with events. Role predicates come from the apps that own the roles (parties: contact points);
each permission says why it refuses."""

import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.parties.rules import is_contact_point_of

from .models import EventState


@rules.predicate
def is_published(user, event):
    return event is not None and event.state != EventState.DRAFT


@rules.predicate
def acts_for_the_party_of(user, registration):
    """A contact point of the Party that nominated this registration (none for an open registration)."""
    return registration is not None and is_contact_point_of(user, registration.party)


add_perm("events.view_event", is_published | is_secretariat, _("This event is not published yet."))
add_perm("events.manage_events", is_secretariat, _("Only Secretariat staff may manage events and participants."))
# The object is the Party: its official contact point and its focal points act for it.
add_perm(
    "events.nominate_for_party",
    is_contact_point_of,
    _("Only this Party's contact point or focal points may nominate its participants."),
)
# The object is the registration: the Secretariat, or the contact points of the Party that nominated it (the
# participant cancels by the private link, a transition without permission: models/registrations.py).
add_perm(
    "events.cancel_registration",
    is_secretariat | acts_for_the_party_of,
    _("Only the Secretariat, the Party's contact points or the participant may cancel."),
)
add_perm(
    "events.view_party_nominations",
    is_contact_point_of | is_secretariat,
    _("Only this Party's contact points and the Secretariat may see its nominations."),
)
