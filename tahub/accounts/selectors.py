"""Reads about accounts and roles, for the pages, services and the demo."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from tahub.core import compiled
from tahub.parties.models import ContactPoint, Party, Region

from .models import ApiToken, Invitation, StaffRole, User


def account_exists(email: str) -> bool:
    """Whether an account already uses this e-mail address (compared without case)."""
    return User.objects.filter(email__iexact=email.strip()).exists()


def invitation_get(invitation_id: int | None) -> Invitation | None:
    """One invitation with its Party, or None."""
    if invitation_id is None:
        return None
    return Invitation.objects.select_related("party__country", "invited_by").filter(pk=invitation_id).first()


def party_for_iso3(iso3: str) -> Party:
    """The Stockholm Party of a country, or 404."""
    return get_object_or_404(Party.objects.select_related("country"), country__iso3=iso3.upper(), convention__code="SC")


def parties_for_invitation() -> QuerySet[Party]:
    """The Parties a Secretariat member may invite contact points for, by country name."""
    return Party.objects.filter(convention__code="SC").select_related("country").order_by("country__sort_name")


def contact_points_of(user: User) -> QuerySet[ContactPoint]:
    """The Parties a user acts for, as ContactPoint rows with their Party and country."""
    return ContactPoint.objects.filter(user=user).select_related("party__country")


def api_tokens_of(user: User) -> QuerySet[ApiToken]:
    """A person's personal API tokens, newest first, revoked ones included (they show when)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def own_api_token_get(user: User, pk: int) -> ApiToken:
    """One of the person's own API tokens, or 404 (another person's token is not found, not refused)."""
    return get_object_or_404(ApiToken, pk=pk, user=user)


def _shown_roles() -> QuerySet[StaffRole]:
    return (
        StaffRole.objects.filter(show_on_contact_page=True, user__is_active=True, user__is_staff=True)
        .select_related("user", "region")
        .order_by("user__name", "user__email")
    )


def secretariat_contacts() -> list[User]:
    """The Secretariat's technical assistance contacts shown to the public: the administrators who chose to
    show their name and e-mail address on the contact page (StaffRole.show_on_contact_page)."""
    return [role.user for role in _shown_roles().filter(role=StaffRole.Role.ADMINISTRATOR)]


def regional_focal_points() -> list[tuple[Region, list[User]]]:
    """[(region, [users])]: every UN regional group with the regional focal points who chose to be shown
    (an empty list where none did), in the order of the regions' names."""
    shown: dict[int | None, list[User]] = {}
    for role in _shown_roles().filter(role=StaffRole.Role.REGIONAL_FOCAL_POINT):
        shown.setdefault(role.region_id, []).append(role.user)
    return [(region, shown.get(region.pk, [])) for region in Region.objects.order_by("name")]


def _focal_points_query(region_id: int) -> QuerySet[StaffRole, tuple[str, str]]:
    roles = _shown_roles().filter(role=StaffRole.Role.REGIONAL_FOCAL_POINT, region_id=region_id)
    return roles.values_list("user__name", "user__email")


def regional_focal_points_of(region_id: int) -> list[dict[str, str]]:
    """The regional focal points of one UN regional group who chose to be shown, as {"name", "email"} (what a
    Party's page shows): one query, compiled once per process (`core.compiled`; as roles with their users and
    regions, ~3,200 Python calls a request)."""
    found = compiled.rows("accounts.regional_focal_points", _focal_points_query, region_id)
    return [{"name": name, "email": email} for name, email in found]


def administrator_emails() -> list[str]:
    """The e-mail addresses of the active Secretariat administrators, sorted (where general feedback goes)."""
    roles = StaffRole.objects.filter(role=StaffRole.Role.ADMINISTRATOR, user__is_active=True, user__is_staff=True)
    return sorted(set(roles.values_list("user__email", flat=True)))
