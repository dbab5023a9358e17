"""Every write about Parties and countries."""

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import check

from .models import Country, Eligibility

if TYPE_CHECKING:
    from tahub.accounts.models import User

ERRORS = {
    "reason_required": _("Give the reason for the override; it is shown on the Party page and kept in the history."),
}


@transaction.atomic
def override_eligibility(country: Country, *, eligibility: str, reason: str, by: "User") -> Country:
    """Set (or, with an empty class, remove) the Secretariat's override of a country's eligibility class.

    - checks "parties.change_country" (an administrator, or the regional focal point of the country's
      region); PermissionDenied otherwise;
    - requires a reason (ValidationError on "reason"); nothing is written without one;
    - locks the country row and saves the override and its reason, audited with the change reason
      "parties.country.eligibility_overridden".
    """
    allowed, why = check(by, "parties.change_country", country)
    if not allowed:
        raise PermissionDenied(why)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": ERRORS["reason_required"]})
    if eligibility and eligibility not in Eligibility.values:
        raise ValidationError({"eligibility": _("Choose one of the classes offered.")})
    country = Country.objects.select_for_update().get(pk=country.pk)
    country.eligibility_override = eligibility or ""
    country.eligibility_override_reason = reason
    country._change_reason = "parties.country.eligibility_overridden"
    country._history_user = by
    country.save(update_fields=["eligibility_override", "eligibility_override_reason", "updated_at"])
    return country
