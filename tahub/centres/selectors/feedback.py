"""Reads for Parties' feedback on a centre's services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet

from tahub.parties.models import Party

if TYPE_CHECKING:
    from tahub.accounts.models import User


def parties_of(user: User) -> QuerySet[Party]:
    """The Parties a person acts for, to give feedback in their name."""
    return Party.objects.filter(contact_points__user=user).select_related("country")
