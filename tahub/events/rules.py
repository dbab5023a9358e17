"""Who may do what with events. Role predicates from accounts.rules; each permission says why it refuses."""

import rules
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import add_perm, is_contact_point_of, is_secretariat

from .models import EventState


@rules.predicate
def is_published(user, event):
    return event is not None and event.state != EventState.DRAFT


add_perm("events.view_event", is_published | is_secretariat, _("This event is not published yet."))
add_perm("events.manage_events", is_secretariat, _("Only Secretariat staff may manage events and participants."))
# The object is the Party: its official contact point and its focal points act for it.
add_perm(
    "events.nominate_for_party",
    is_contact_point_of,
    _("Only this Party's contact point or focal points may nominate its participants."),
)
add_perm(
    "events.view_party_nominations",
    is_contact_point_of | is_secretariat,
    _("Only this Party's contact points and the Secretariat may see its nominations."),
)
