"""Reads about accounts and roles, for the pages, services and the demo."""

from django.shortcuts import get_object_or_404

from tahub.parties.models import ContactPoint, Party

from .models import Invitation, User


def account_exists(email):
    """Whether an account already uses this e-mail address (compared without case)."""
    return User.objects.filter(email__iexact=email.strip()).exists()


def invitation_get(invitation_id):
    """One invitation with its Party, or None."""
    if invitation_id is None:
        return None
    return Invitation.objects.select_related("party__country", "invited_by").filter(pk=invitation_id).first()


def party_for_iso3(iso3):
    """The Stockholm Party of a country, or 404."""
    return get_object_or_404(Party.objects.select_related("country"), country__iso3=iso3.upper(), convention__code="SC")


def parties_for_invitation():
    """The Parties a Secretariat member may invite contact points for, by country name."""
    return Party.objects.filter(convention__code="SC").select_related("country").order_by("country__name")


def contact_points_of(user):
    """The Parties a user acts for, as ContactPoint rows with their Party and country."""
    return ContactPoint.objects.filter(user=user).select_related("party__country")
