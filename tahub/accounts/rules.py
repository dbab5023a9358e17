"""Who may do what about accounts, and the Secretariat's roles (the StaffRole table): administrators and the
regional focal points. The permission layer itself (`add_perm`, `check`, `require`, `is_secretariat`) is
tahub/core/rules.py, and every app imports it from there.

The other roles live with their tables: parties.ContactPoint (a Party's official contact point and its focal
points) in parties/rules.py, directory.Membership (an organisation's members) in directory/rules.py.
"""

import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.parties.rules import is_official_contact_point

from .models import StaffRole


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
