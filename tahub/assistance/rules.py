"""Who may do what to a technical assistance request. Role predicates apart from state predicates."""

import rules

from tahub.accounts.models import StaffRole

from .models import State

# Roles, relative to the request (or, for filing, the Party).


@rules.predicate
def is_staff(user):
    return user.is_authenticated and user.is_staff


@rules.predicate
def is_party_contact(user, party):
    return user.is_authenticated and party is not None and user.contact_points.filter(party=party).exists()


@rules.predicate
def is_contact_of_request_party(user, request):
    return request is not None and is_party_contact(user, request.party)


@rules.predicate
def is_triager(user, request):
    """An administrator, or the regional focal point of the requesting Party's region."""
    if not (user.is_authenticated and user.is_staff):
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
def is_editable(user, request):
    return request is not None and request.state in (State.DRAFT, State.INFO_NEEDED)


@rules.predicate
def is_reportable(user, request):
    """Delivery can be reported once providers are assigned."""
    return request is not None and request.state in (State.ASSIGNED, State.IN_DELIVERY, State.DELIVERED, State.CLOSED)


@rules.predicate
def is_withdrawable(user, request):
    return request is not None and request.state in State.withdrawable()


rules.add_perm("assistance.file_request", is_party_contact | is_staff)
rules.add_perm("assistance.view_request", is_contact_of_request_party | is_staff | is_assigned_provider)
rules.add_perm("assistance.change_request", (is_contact_of_request_party | is_staff) & is_editable)
rules.add_perm("assistance.submit_request", (is_contact_of_request_party | is_staff) & is_editable)
rules.add_perm("assistance.withdraw_request", is_contact_of_request_party & is_withdrawable)
rules.add_perm("assistance.triage_request", is_triager)
rules.add_perm("assistance.deliver_request", is_assigned_provider | is_triager)
rules.add_perm("assistance.report_delivery", (is_assigned_provider | is_triager) & is_reportable)
rules.add_perm("assistance.close_request", is_contact_of_request_party)
rules.add_perm("assistance.view_queue", is_staff)
