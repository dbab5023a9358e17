"""Reads of proposals, shared by pages and exports. Totals are computed in SQL, never stored or typed."""

from decimal import Decimal

from django.db.models import DecimalField, F, OuterRef, Prefetch, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404

from .models import BudgetLine, CoFunding, Proposal

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)


def _sum_of(model):
    """The sum of `amount` of a proposal's rows of `model`, as a correlated subquery (no join fan-out)."""
    rows = model.objects.filter(proposal=OuterRef("pk")).order_by().values("proposal")
    return Coalesce(Subquery(rows.annotate(total=Sum("amount")).values("total"), output_field=MONEY), ZERO)


def with_totals(queryset):
    """Annotate total_budget, co_funding_pledged and funds_to_raise (= total budget − co-funding pledged)."""
    return queryset.annotate(total_budget=_sum_of(BudgetLine), co_funding_pledged=_sum_of(CoFunding)).annotate(
        funds_to_raise=F("total_budget") - F("co_funding_pledged")
    )


def proposal_list(*, include_unpublished=False):
    """Published proposals (all, for staff), newest first, with their computed totals."""
    queryset = (
        Proposal.objects.all() if include_unpublished else Proposal.objects.filter(state=Proposal.State.PUBLISHED)
    )
    return with_totals(queryset.select_related("convention", "trust_fund")).order_by("-created_at", "-pk")


def proposal_get(pk, *, include_unpublished=False):
    """One proposal with everything its page shows; unpublished ones are 404 unless asked for (staff)."""
    queryset = proposal_list(include_unpublished=include_unpublished).prefetch_related(
        "decisions",
        "budget_lines",
        Prefetch("co_funding", queryset=CoFunding.objects.select_related("organisation")),
    )
    return get_object_or_404(queryset, pk=pk)
