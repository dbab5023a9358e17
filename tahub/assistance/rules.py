"""Who may do what to a technical assistance request. Role predicates apart from state predicates.

A draft is the Party's alone: until it is submitted, only the Party's contact and focal points (and whoever
filed it on the Party's behalf) see it. The Secretariat and providers meet a request once it is submitted;
`selectors.requests_visible_to` applies the same rule to lists, exports and counts.
"""

import rules
from django.utils.translation import gettext_lazy as _

from tahub.accounts.models import StaffRole
from tahub.core.rules import add_perm, is_secretariat

from .models import State

# Roles, relative to the request (or, for filing, the Party).


@rules.predicate
def is_party_contact(user, party):
    # All of the person's contact points (one or two), not an exists() per question: the request page asks
    # several (edit, withdraw, close…) and prefetches them once (views.RequestDetailView; issue 13).
    if not user.is_authenticated or party is None:
        return False
    return any(contact.party_id == party.pk for contact in user.contact_points.all())


@rules.predicate
def is_contact_of_request_party(user, request):
    return request is not None and is_party_contact(user, request.party)


@rules.predicate
def is_filer(user, request):
    """Whoever opened the request (a contact point, or staff recording a letter on the Party's behalf)."""
    return user.is_authenticated and request is not None and request.created_by_id == user.pk


@rules.predicate
def is_triager(user, request):
    """An administrator, or the regional focal point of the requesting Party's region."""
    if not is_secretariat(user):
        return False
    roles = user.staff_roles.all()
    region_id = request.party.country.region_id if request is not None else None
    return any(
        r.role == StaffRole.Role.ADMINISTRATOR
        or (r.role == StaffRole.Role.REGIONAL_FOCAL_POINT and r.region_id == region_id)
        for r in roles
    )


@rules.predicate
def is_assigned_provider(user, request):
    return (
        user.is_authenticated
        and request is not None
        and request.assignments.filter(organisation__memberships__user=user).exists()
    )


# States.


@rules.predicate
def is_draft(user, request):
    return request is not None and request.state == State.DRAFT


@rules.predicate
def is_info_needed(user, request):
    return request is not None and request.state == State.INFO_NEEDED


@rules.predicate
def is_reportable(user, request):
    """Delivery can be reported once providers are assigned."""
    return request is not None and request.state in (State.ASSIGNED, State.IN_DELIVERY, State.DELIVERED, State.CLOSED)


@rules.predicate
def is_withdrawable(user, request):
    return request is not None and request.state in State.withdrawable()


# Within each "or", the predicates that need no query come first: rules stops at the first that holds (the
# request page asks these of staff, whose staff roles it has already read; issue 13).
is_drafter = is_filer | is_contact_of_request_party
# The Party writes its draft; once the Secretariat asks for more information, staff may also complete it.
may_write = (is_drafter & is_draft) | ((is_drafter | is_secretariat) & is_info_needed)

add_perm(
    "assistance.file_request",
    is_party_contact | is_secretariat,
    _("Only the Party's contact or focal points, or Secretariat staff, may file a request for it."),
)
add_perm(
    "assistance.view_request",
    is_drafter | ((is_secretariat | is_assigned_provider) & ~is_draft),
    _("This request is not visible to you."),
)
add_perm("assistance.change_request", may_write, _("This request cannot be changed now, or not by you."))
add_perm("assistance.submit_request", may_write, _("This request cannot be submitted now, or not by you."))
add_perm(
    "assistance.withdraw_request",
    is_contact_of_request_party & is_withdrawable,
    _("Only the Party may withdraw its request, and only before delivery."),
)
add_perm(
    "assistance.triage_request",
    is_triager & ~is_draft,
    _("Only an administrator, or the regional focal point of the Party's region, may handle this request."),
)
add_perm(
    "assistance.deliver_request",
    (is_triager & ~is_draft) | is_assigned_provider,
    _("Only an assigned provider or the Secretariat may record the delivery."),
)
add_perm(
    "assistance.report_delivery",
    (is_triager | is_assigned_provider) & is_reportable,
    _("Delivery can be reported by an assigned provider or the Secretariat, once providers are assigned."),
)
add_perm(
    "assistance.correct_delivery",
    is_triager & is_reportable,
    _("Only an administrator, or the regional focal point of the Party's region, may correct a delivery report."),
)
add_perm("assistance.close_request", is_contact_of_request_party, _("Only the Party may close its request."))
add_perm("assistance.view_queue", is_secretariat, _("The queue is for Secretariat staff only."))
