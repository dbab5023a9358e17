"""Who may do what: the role predicates, and each permission with the reason a refusal gives.

Roles live in tables, not in flags: StaffRole (Secretariat), parties.ContactPoint (a Party's official
contact point and its focal points), directory.Membership (an organisation's members). Every check in views,
services, templates and the API goes through these permissions (`user.has_perm(name, obj)`), and a refusal
says why (`check(user, name, obj)` returns `(allowed, reason)`, after Hypha's permissions).
"""

import rules
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from tahub.directory.models import Membership
from tahub.parties.models import ContactPoint

from .models import StaffRole

# The reason a refusal gives, per permission.
REASONS = {}


def add_perm(name, predicate, reason):
    """Register a permission together with the translatable reason shown when it is refused."""
    rules.add_perm(name, predicate)
    REASONS[name] = reason


def check(user, name, obj=None):
    """(allowed, reason): whether `user` has permission `name` (on `obj`), and if not, why not."""
    if user.has_perm(name, obj):
        return True, ""
    return False, REASONS.get(name, _("You do not have permission to do this."))


def require(user, name, obj=None):
    """Raise PermissionDenied with the permission's reason unless `user` has permission `name` (on `obj`)."""
    allowed, reason = check(user, name, obj)
    if not allowed:
        raise PermissionDenied(reason)


@rules.predicate
def is_secretariat(user):
    """A member of the Secretariat staff (administrator or regional focal point)."""
    return bool(user.is_authenticated and user.is_active and user.is_staff)


@rules.predicate
def is_administrator(user):
    """A Secretariat administrator (or a superuser)."""
    if not is_secretariat(user):
        return False
    return user.is_superuser or StaffRole.objects.filter(user=user, role=StaffRole.Role.ADMINISTRATOR).exists()


@rules.predicate
def is_regional_focal_point(user):
    """The Secretariat's regional focal point of some UN regional group."""
    return (
        is_secretariat(user) and StaffRole.objects.filter(user=user, role=StaffRole.Role.REGIONAL_FOCAL_POINT).exists()
    )


@rules.predicate
def is_regional_focal_point_of_country(user, country):
    """The Secretariat's regional focal point of the UN regional group the country belongs to."""
    if country is None or not is_secretariat(user):
        return False
    return StaffRole.objects.filter(
        user=user, role=StaffRole.Role.REGIONAL_FOCAL_POINT, region_id=country.region_id
    ).exists()


@rules.predicate
def is_contact_point_of(user, party):
    """The official contact point, or a focal point, of this Party."""
    if party is None or not user.is_authenticated:
        return False
    return ContactPoint.objects.filter(user=user, party=party).exists()


@rules.predicate
def is_official_contact_point(user, party):
    """The official contact point of this Party."""
    if party is None or not user.is_authenticated:
        return False
    return ContactPoint.objects.filter(user=user, party=party, kind=ContactPoint.Kind.OFFICIAL).exists()


@rules.predicate
def is_member_of(user, organisation):
    """A member of this organisation (a provider, or a regional centre's host)."""
    if organisation is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()


add_perm(
    "accounts.invite_contact_point",
    is_secretariat,
    _("Only Secretariat staff may invite a Party's official contact point."),
)
add_perm(
    "accounts.invite_focal_point",
    is_secretariat | is_official_contact_point,
    _("Only Secretariat staff, or this Party's official contact point, may invite its focal points."),
)


@rules.predicate
def owns_api_token(user, token):
    """The person a personal API token belongs to."""
    return bool(token is not None and user.is_authenticated and token.user_id == user.pk)


add_perm(
    "accounts.manage_own_api_tokens",
    rules.is_authenticated & rules.is_active,
    _("Sign in to create or revoke your personal API tokens."),
)


@rules.predicate
def is_own_account(user, account):
    """The person themself (an active, signed-in account)."""
    return bool(account is not None and user.is_authenticated and user.is_active and account.pk == user.pk)


add_perm("accounts.edit_own_profile", is_own_account, _("Only its owner may change an account's name and language."))
add_perm("accounts.revoke_api_token", owns_api_token, _("Only its owner may revoke a personal API token."))
add_perm("accounts.view_staff_pages", is_secretariat, _("This page is for Secretariat staff only."))
add_perm("core.view_history", is_secretariat, _("Only Secretariat staff may see the history of a record."))
add_perm("core.resend_email", is_administrator, _("Only an administrator may see and resend undelivered e-mails."))
add_perm(
    "parties.change_country",
    is_administrator | is_regional_focal_point_of_country,
    _("Only an administrator, or the regional focal point of the country's region, may change its eligibility."),
)
