"""Who is told of a request's move: the request as the e-mails read it, and their recipients."""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Q, QuerySet

from tahub.accounts.models import StaffRole, User

from ..models import TARequest


def request_for_notification(request_id: int) -> TARequest:
    return TARequest.objects.select_related("party__country", "owner", "created_by").get(pk=request_id)


def notification_recipients(request: TARequest, audience: Collection[str]) -> QuerySet[User]:
    """The active users to tell: the Party's contact points and the filer; the Secretariat owner (or the
    administrators while no one owns it); the members of assigned providers."""
    recipients = User.objects.none()
    if "party" in audience:
        recipients |= User.objects.filter(Q(contact_points__party=request.party) | Q(pk=request.created_by_id))
    if "secretariat" in audience:
        if request.owner_id:
            recipients |= User.objects.filter(pk=request.owner_id)
        else:
            recipients |= User.objects.filter(staff_roles__role=StaffRole.Role.ADMINISTRATOR)
    if "providers" in audience:
        recipients |= User.objects.filter(memberships__organisation__assignments__request=request)
    return recipients.filter(is_active=True).distinct().order_by("email")
