"""The public money: the contributions per programme activity (its money, its donors, its published
proposals) and the money per trust fund; the trust funds for filters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from ..models import Pledge, Proposal, TrustFund
from .totals import MONEY, ZERO, with_money

if TYPE_CHECKING:
    from tahub.planning.models import ProgrammeActivity


def activity_contributions(*, biennium: int | None = None, trust_fund: str | None = None) -> QuerySet[Any]:
    """The public contributions table: each programme activity (number, title, approved budget) with its money
    and its published proposals (their concept notes), by biennium (latest first) and number. Call
    attach_donors() on the rows of a page to add their donors."""
    from tahub.planning.models import ProgrammeActivity

    queryset = ProgrammeActivity.objects.select_related("biennium", "trust_fund")
    if biennium is not None:
        queryset = queryset.filter(biennium__start_year=biennium)
    if trust_fund is not None:
        queryset = queryset.filter(trust_fund__code=trust_fund)
    published = Proposal.objects.filter(state=Proposal.State.PUBLISHED).order_by("pk").only("pk", "title")
    queryset = queryset.prefetch_related(Prefetch("proposals", queryset=published, to_attr="published_proposals"))
    return with_money(queryset, "activity").order_by("-biennium__start_year", "number", "pk")


def attach_donors(activities: Iterable[ProgrammeActivity]) -> list[ProgrammeActivity]:
    """Set `.donors` (names, sorted) on each activity of a page: one query for the whole page."""
    activities = list(activities)
    names: dict[int | None, set[str]] = {}
    pledges = Pledge.objects.filter(activity__in=[a.pk for a in activities]).select_related(
        "donor__party__country", "donor__organisation"
    )
    for pledge in pledges:
        names.setdefault(pledge.activity_id, set()).add(pledge.donor.display_name)
    for activity in activities:
        activity.donors = sorted(names.get(activity.pk, ()))  # type: ignore[attr-defined]  # for the page only
    return activities


def trust_fund_list() -> QuerySet[TrustFund]:
    """The trust funds by code, for filters (no money: that costs a pass over every pledge)."""
    return TrustFund.objects.order_by("code")


def trust_funds_with_money() -> QuerySet[Any]:
    """Each trust fund: its approved budget (Σ of its programme activities' approved budgets) and its money."""
    from tahub.planning.models import ProgrammeActivity

    budgets = (
        ProgrammeActivity.objects.filter(trust_fund=OuterRef("pk")).order_by().values("trust_fund")
        .annotate(total=Sum("approved_budget")).values("total")
    )  # fmt: skip
    queryset = TrustFund.objects.annotate(approved_budget=Coalesce(Subquery(budgets, output_field=MONEY), ZERO))
    return with_money(queryset, "trust_fund").order_by("code")
