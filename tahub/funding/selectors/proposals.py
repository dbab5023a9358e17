"""Reads of proposals, with their figures computed in SQL: the public list and page (the Secretariat sees
every proposal), each with its total budget, co-funding pledged and funds to raise (see with_totals)."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import Case, ExpressionWrapper, F, OuterRef, Prefetch, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, Greatest, NullIf
from django.shortcuts import get_object_or_404

from tahub.core.rules import is_secretariat

from ..models import BudgetLine, CoFunding, Proposal
from .totals import MONEY, RATE, ZERO, with_money

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User


def _sum_of(model: type[BudgetLine] | type[CoFunding]) -> Coalesce:
    """The sum of `amount` of a proposal's rows of `model`, as a correlated subquery (no join fan-out)."""
    rows = model.objects.filter(proposal=OuterRef("pk")).order_by().values("proposal")
    return Coalesce(Subquery(rows.annotate(total=Sum("amount")).values("total"), output_field=MONEY), ZERO)


def with_totals(queryset: QuerySet[Proposal]) -> QuerySet[Any]:
    """Annotate a proposal's figures, each defined here once (issue 16.4: one figure, one name):

    - total_budget: Σ of its budget lines;
    - co_funding_pledged: the co-funding typed on the template (co_funding_typed, rows for money that does not
      pass through the Secretariat's books) plus the pledges earmarked to the proposal in the money
      (co_funding_recorded, their USD value at each pledge's rate, in the proposal's currency at its rate);
    - funds_to_raise = total budget − co-funding pledged, never below zero: the seed's "Total funds to be
      raised for proposed activities".

    A donor's pledge is entered once: either as a co-funding row or as a pledge earmarked to the proposal,
    never both (services refuse the second, naming the first). The money earmarked to the proposal (pledged,
    committed, received, funding in USD, see with_money) shows how far the pledges are paid; it is not a
    second figure of what is left to raise."""
    own_rate = Case(When(currency="USD", then=Value(Decimal(1))), default=F("rate_to_usd"), output_field=RATE)
    queryset = with_money(
        queryset.annotate(total_budget=_sum_of(BudgetLine), co_funding_typed=_sum_of(CoFunding)), "proposal",
        approved=None,
    )  # fmt: skip
    queryset = queryset.annotate(
        # Without a rate (a non-USD proposal whose rate is missing) the recorded pledges cannot be converted.
        # (× 1.0: SQLite divides integers as integers.)
        co_funding_recorded=Coalesce(
            ExpressionWrapper(
                F("pledged_usd") * Value(Decimal("1.0")) / NullIf(own_rate, Value(Decimal(0))), output_field=MONEY
            ),
            ZERO,
        )
    ).annotate(
        co_funding_pledged=ExpressionWrapper(F("co_funding_typed") + F("co_funding_recorded"), output_field=MONEY)
    )
    return queryset.annotate(
        funds_to_raise=Greatest(
            ExpressionWrapper(F("total_budget") - F("co_funding_pledged"), output_field=MONEY), ZERO
        )
    )


def proposal_list(*, include_unpublished: bool = False, user: User | AnonymousUser | None = None) -> QuerySet[Any]:
    """Published proposals (all for the Secretariat, `user`, or a caller that has checked the permission), newest
    first, with their computed totals."""
    if include_unpublished or (user is not None and is_secretariat(user)):
        queryset = Proposal.objects.all()
    else:
        queryset = Proposal.objects.filter(state=Proposal.State.PUBLISHED)
    return with_totals(queryset.select_related("convention", "trust_fund")).order_by("-created_at", "-pk")


def proposal_get(pk: int, *, include_unpublished: bool = False, user: User | AnonymousUser | None = None) -> Proposal:
    """One proposal with everything its page shows; unpublished ones are 404 but to the Secretariat (`user`)."""
    from tahub.planning.models import DecisionParagraph, ProgrammeActivity

    queryset = proposal_list(include_unpublished=include_unpublished, user=user).prefetch_related(
        "decisions",
        Prefetch("legal_basis", queryset=DecisionParagraph.objects.select_related("decision")),
        Prefetch("activities", queryset=ProgrammeActivity.objects.select_related("biennium")),
        "budget_lines",
        Prefetch("co_funding", queryset=CoFunding.objects.select_related("organisation")),
    )
    return get_object_or_404(queryset, pk=pk)
