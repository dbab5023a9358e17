"""The money's totals, computed in SQL, never stored or typed: in US dollars at each record's own rate (the FTS
rule: a pledge is shown, but counted as funding only once committed or received):

- pledged: the pledges' amounts;
- committed: the commitments' amounts; received: the receipts' amounts;
- funding: per pledge, the larger of what is committed and what is received (a receipt first settles the
  commitment it pays, and money received without a commitment counts too), summed over the pledges;
- still to raise (activities and trust funds): the approved budget less the funding, never below zero.

`with_money` annotates rows (activities, trust funds, proposals) with them; the other reads build on it.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.models import (
    Case,
    DecimalField,
    Expression,
    ExpressionWrapper,
    F,
    OuterRef,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest

from ..models import Pledge, PledgeEntry

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler

# Querysets here carry annotated money (total_budget, pledged_usd, …) that callers filter and sort on: typed
# QuerySet[Any], since django-stubs checks lookups against a model's fields only.

MONEY = DecimalField(max_digits=16, decimal_places=2)
ZERO = Value(Decimal("0.00"), output_field=MONEY)
RATE = DecimalField(max_digits=30, decimal_places=8)


def usd(amount: str = "amount", rate: str = "rate_to_usd") -> ExpressionWrapper:
    """An amount in USD: the amount times its rate to USD."""
    return ExpressionWrapper(F(amount) * F(rate), output_field=RATE)


def _flat_sum(model: type[Pledge] | type[PledgeEntry], key: str, **filters: Any) -> Coalesce:
    """Σ amount × rate (USD) of the `model` rows whose `key` is the outer row: one grouped aggregate per row, no
    nested subquery per pledge (0 if none)."""
    rows = model.objects.filter(**{key: OuterRef("pk")}, **filters).order_by().values(key)
    return Coalesce(Subquery(rows.annotate(total=Sum(usd())).values("total"), output_field=RATE), ZERO)


class FundingOf(Expression):
    """Funding (FTS) of the pledges whose `field` is the outer row: Σ over those pledges of max(committed,
    received) in USD. Two levels, one statement: the entries joined to their pledges grouped by pledge, then
    summed. (The ORM cannot aggregate an aggregate, hence the SQL; it runs on SQLite and PostgreSQL alike.)"""

    output_field = RATE
    outer: Any  # F("pk"), then the expression it resolves to

    def __init__(self, field: str) -> None:
        super().__init__(output_field=RATE)
        self.key_field, self.outer = field, F("pk")

    def get_source_expressions(self) -> list[Any]:
        return [self.outer]

    def set_source_expressions(self, exprs: Sequence[Any]) -> None:
        (self.outer,) = exprs

    def get_group_by_cols(self) -> list[Any]:
        return self.outer.get_group_by_cols()  # in a grouped query: by the outer row, not by this subquery

    def as_sql(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper) -> tuple[str, tuple[Any, ...]]:
        outer, params = compiler.compile(self.outer)
        q = connection.ops.quote_name
        entries, pledges = q(PledgeEntry._meta.db_table), q(Pledge._meta.db_table)
        key = q(Pledge._meta.get_field(self.key_field).column)  # type: ignore[union-attr, arg-type]  # a ForeignKey
        usd = f"{entries}.{q('amount')} * {entries}.{q('rate_to_usd')}"
        kind = f"{entries}.{q('kind')}"
        sql = f"""COALESCE((SELECT SUM(CASE WHEN per_pledge.c > per_pledge.r THEN per_pledge.c ELSE per_pledge.r END)
            FROM (SELECT SUM(CASE WHEN {kind} = %s THEN {usd} ELSE 0 END) AS c,
                         SUM(CASE WHEN {kind} = %s THEN {usd} ELSE 0 END) AS r
                  FROM {entries} INNER JOIN {pledges} ON {pledges}.{q("id")} = {entries}.{q("pledge_id")}
                  WHERE {pledges}.{key} = {outer}
                  GROUP BY {entries}.{q("pledge_id")}) per_pledge), 0)"""  # noqa: S608 (names from the models)
        return sql, (PledgeEntry.Kind.COMMITMENT.value, PledgeEntry.Kind.RECEIPT.value, *params)


def with_money(queryset: QuerySet[Any], field: str, approved: str | None = "approved_budget") -> QuerySet[Any]:
    """Annotate rows (activities, trust funds, proposals) with pledged_usd, committed_usd, received_usd,
    funding_usd and, unless `approved` is None, still_to_raise (= approved budget − funding, never below zero;
    null without a budget). Proposals have no still_to_raise: their one figure is funds_to_raise."""
    through = f"pledge__{field}"
    queryset = queryset.annotate(
        pledged_usd=_flat_sum(Pledge, field),
        committed_usd=_flat_sum(PledgeEntry, through, kind=PledgeEntry.Kind.COMMITMENT),
        received_usd=_flat_sum(PledgeEntry, through, kind=PledgeEntry.Kind.RECEIPT),
        funding_usd=FundingOf(field),
    )
    if approved is None:
        return queryset
    # Explicit about a missing budget: PostgreSQL's GREATEST skips NULL, SQLite's MAX returns it.
    return queryset.annotate(
        still_to_raise=Case(
            When(**{f"{approved}__isnull": True}, then=Value(None, output_field=RATE)),
            default=Greatest(F(approved) - F("funding_usd"), ZERO),
            output_field=RATE,
        )
    )
