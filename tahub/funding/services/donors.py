"""Staff record a donor of the money, or change one from the version they read."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tahub.core import workflow
from tahub.core.rules import require

from ..models import Donor
from .recording import MONEY, save

if TYPE_CHECKING:
    from tahub.accounts.models import User


@transaction.atomic
def save_donor(*, by: User, data: dict[str, Any], donor: Donor | None = None, seen_version: int | None = None) -> Donor:
    """Staff record a donor (a Party, an organisation, or another named donor) or change one, from the
    `seen_version` they read (a change made meanwhile is refused, naming the fields it changed)."""
    require(by, MONEY)
    if donor is not None and donor.pk:
        donor = workflow.lock_at_version(Donor, donor, seen_version, by=by)
        donor.version += 1
    donor = donor or Donor()
    donor._history_user = by  # named in a later stale refusal, also when the edit came by API token
    for name, value in data.items():
        setattr(donor, name, value)
    kind = donor.kind
    if kind != Donor.Kind.PARTY:
        donor.party = None
    if kind != Donor.Kind.ORGANISATION:
        donor.organisation = None
    if kind != Donor.Kind.OTHER:
        donor.name = ""
    required: dict[str, str] = {
        Donor.Kind.PARTY: "party",
        Donor.Kind.ORGANISATION: "organisation",
        Donor.Kind.OTHER: "name",
    }
    if kind in required and not getattr(donor, required[kind]):
        raise ValidationError({required[kind]: _("Choose or name the donor.")})
    return save(donor, "funding.donor.saved")
