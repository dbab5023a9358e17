"""A donor's money counted once (issue 16.4): a pledge earmarked to a proposal in the money and a co-funding row
typed on the proposal's template must not both record it. Each refusal names the record already there."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy

from ..models import Donor, Pledge, Proposal


def same_donor(row: dict[str, Any], donor: Donor) -> bool:
    """A co-funding row (a name, or an organisation of the directory) names this donor of the money."""
    organisation = row.get("organisation")
    if organisation is not None and donor.organisation_id == organisation.pk:
        return True
    name = (row.get("donor_name") or "").strip().casefold()
    return bool(name) and name == donor.display_name.strip().casefold()


CO_FUNDING_RECORDED = gettext_lazy(
    "%(donor)s's pledge to this proposal is recorded with the money (%(currency)s %(amount)s, pledged on "
    "%(date)s) and counts as co-funding already: remove this co-funding row, so the money is not counted twice."
)
PLEDGE_TYPED = gettext_lazy(
    "This proposal's co-funding already lists %(donor)s (%(amount)s %(currency)s): remove that row from the "
    "proposal before earmarking this pledge to it, so the money is not counted twice."
)


def not_recorded_twice(proposal: Proposal, co_funding: Sequence[dict[str, Any]]) -> None:
    """Refuse a co-funding row for money a pledge earmarked to the proposal already records (issue 16.4)."""
    pledges = Pledge.objects.filter(proposal=proposal).select_related("donor__party__country", "donor__organisation")
    for pledge in pledges:
        if any(same_donor(row, pledge.donor) for row in co_funding):
            raise ValidationError({"co_funding": CO_FUNDING_RECORDED % {
                "donor": pledge.donor.display_name, "currency": pledge.currency, "amount": pledge.amount,
                "date": pledge.pledged_on,
            }})  # fmt: skip


def pledge_not_typed(pledge: Pledge) -> None:
    """Refuse to earmark a pledge to a proposal whose co-funding rows already list its donor (issue 16.4)."""
    if pledge.proposal is None or pledge.donor_id is None:
        return
    for row in pledge.proposal.co_funding.select_related("organisation"):
        if same_donor({"organisation": row.organisation, "donor_name": row.donor_name}, pledge.donor):
            raise ValidationError({"proposal": PLEDGE_TYPED % {
                "donor": row.donor, "amount": row.amount, "currency": pledge.proposal.currency,
            }})  # fmt: skip
