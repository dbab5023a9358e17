"""Reads of donors, pledges and their commitments and receipts for the staff pages, the API and the exports
(with each pledge's totals computed in SQL); what a donor organisation's members see; the pledges to remind;
and the money per activity as IATI transactions."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce, Greatest
from django.shortcuts import get_object_or_404

from tahub.core.rules import is_secretariat

from ..models import Donor, Pledge, PledgeEntry, TrustFund
from .totals import MONEY, RATE, ZERO, usd

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User
    from tahub.planning.models import ProgrammeActivity


def _entries_usd(kind: str) -> Coalesce:
    """The sum in USD of a pledge's entries of `kind`, as a correlated subquery."""
    rows = PledgeEntry.objects.filter(pledge=OuterRef("pk"), kind=kind).order_by().values("pledge")
    return Coalesce(Subquery(rows.annotate(total=Sum(usd())).values("total"), output_field=RATE), ZERO)


def _entries_own(kind: str) -> Coalesce:
    """The sum in the pledge's own currency of its entries of `kind`."""
    rows = PledgeEntry.objects.filter(pledge=OuterRef("pk"), kind=kind).order_by().values("pledge")
    return Coalesce(Subquery(rows.annotate(total=Sum("amount")).values("total"), output_field=MONEY), ZERO)


def pledges_with_totals(queryset: QuerySet[Pledge] | None = None) -> QuerySet[Any]:
    """Pledges with amount_usd, committed(_usd), received(_usd), funding_usd (counted, FTS) and outstanding (in
    the pledge's currency: pledged less the larger of committed and received, never below zero)."""
    queryset = Pledge.objects.all() if queryset is None else queryset
    return queryset.annotate(
        amount_usd=usd(),
        committed=_entries_own(PledgeEntry.Kind.COMMITMENT),
        received=_entries_own(PledgeEntry.Kind.RECEIPT),
        committed_usd=_entries_usd(PledgeEntry.Kind.COMMITMENT),
        received_usd=_entries_usd(PledgeEntry.Kind.RECEIPT),
    ).annotate(
        funding_usd=Greatest("committed_usd", "received_usd"),
        outstanding=Greatest(F("amount") - Greatest("committed", "received"), ZERO),
    )


def donor_list() -> QuerySet[Donor]:
    return Donor.objects.select_related("party__country", "organisation").order_by("kind", "name", "pk")


def pledge_list(
    *,
    activity: ProgrammeActivity | None = None,
    trust_fund: TrustFund | None = None,
    donor: Donor | None = None,
    unpaid: bool = False,
) -> QuerySet[Any]:
    """Pledges for the staff pages and exports, newest first, with their computed totals."""
    queryset = Pledge.objects.select_related(
        "donor__party__country", "donor__organisation", "trust_fund", "activity__biennium", "proposal"
    )
    filters = {"activity": activity, "trust_fund": trust_fund, "donor": donor}
    queryset = queryset.filter(**{k: v for k, v in filters.items() if v is not None})
    queryset = pledges_with_totals(queryset)
    if unpaid:
        queryset = queryset.filter(outstanding__gt=0)  # type: ignore[misc]  # annotated by pledges_with_totals
    return queryset.order_by("-pledged_on", "-pk")


def pledges_visible_to(user: User | AnonymousUser) -> QuerySet[Any]:
    """The pledges `user` may see one by one (funding.view_pledge), newest first, with their totals: every pledge
    for the Secretariat, a donor organisation's own pledges for its members, none for anyone else."""
    if is_secretariat(user):
        return pledge_list()
    if not user.is_authenticated:
        return pledge_list().none()
    return pledge_list().filter(donor__organisation__memberships__user=user)


def donors_of(user: User | AnonymousUser) -> QuerySet[Donor]:
    """The donors whose organisation `user` is a member of, by name."""
    if not user.is_authenticated:
        return Donor.objects.none()
    return donor_list().filter(organisation__memberships__user=user)


def pledge_get(pk: int) -> Pledge:
    queryset = pledge_list().prefetch_related("entries")
    return get_object_or_404(queryset, pk=pk)


def entry_get(pledge_pk: int, pk: int) -> PledgeEntry:
    """One commitment or receipt of a pledge (404 if voided or another pledge's), with its pledge's totals."""
    return get_object_or_404(PledgeEntry.objects.select_related("pledge"), pledge_id=pledge_pk, pk=pk)


def voided_entries(pledge: Pledge) -> QuerySet[Any]:  # PledgeEntry's historical records
    """The pledge's voided commitments and receipts, as their history keeps them (last values, the reason, who
    voided them and when), newest first."""
    records = PledgeEntry.history.filter(pledge_id=pledge.pk, history_type="-")
    return records.select_related("history_user").order_by("-history_date", "-history_id")


def pledges_to_remind(today: datetime.date, *, every_days: int = 30) -> QuerySet[Any]:
    """Cash or in-kind pledges not fully received whose payment date has come, with a donor e-mail, and not
    reminded in the last `every_days` days."""
    recent = today - datetime.timedelta(days=every_days)
    queryset = (
        pledge_list()
        .filter(due_on__lte=today)
        .filter(Q(last_reminded_on__isnull=True) | Q(last_reminded_on__lte=recent))
    )
    queryset = queryset.annotate(received_own=F("received")).filter(received_own__lt=F("amount"))
    return queryset.exclude(donor__email="")


def transactions_for_activities(activity_ids: Iterable[int]) -> list[dict[str, Any]]:
    """For the IATI export: per activity, its money as transactions, oldest first. Each is a dict: activity_id,
    pledge_id, type ("pledge" = IATI 13 incoming pledge, "commitment" = 11 incoming commitment, "receipt" = 12
    incoming funds), date, currency, amount (Decimal, own currency), rate_to_usd, rate_date, in_kind (bool),
    donor (name), donor_kind ("party"/"organisation"/"other"), donor_iso3 (a Party's country code or ""),
    donor_organisation_id (or None), trust_fund (code). Two queries, whatever the number of activities."""
    pledges = list(
        Pledge.objects.filter(activity_id__in=activity_ids)
        .select_related("donor__party__country", "donor__organisation", "trust_fund")
        .order_by("activity_id", "pledged_on", "pk")
    )
    entries = PledgeEntry.objects.filter(pledge__activity_id__in=activity_ids).order_by("date", "pk")
    by_pledge: dict[int, list[PledgeEntry]] = {}
    for entry in entries:
        by_pledge.setdefault(entry.pledge_id, []).append(entry)
    rows: list[dict[str, Any]] = []
    for pledge in pledges:
        donor = pledge.donor
        common = {
            "activity_id": pledge.activity_id, "pledge_id": pledge.pk, "currency": pledge.currency,
            "in_kind": pledge.kind == Pledge.Kind.IN_KIND, "donor": donor.display_name, "donor_kind": donor.kind,
            "donor_iso3": donor.party.country.iso3 if donor.party_id else "",  # type: ignore[union-attr]
            "donor_organisation_id": donor.organisation_id, "trust_fund": pledge.trust_fund.code,
        }  # fmt: skip
        rows.append(common | {"type": "pledge", "date": pledge.pledged_on, "amount": pledge.amount,
                              "rate_to_usd": pledge.rate_to_usd, "rate_date": pledge.rate_date})  # fmt: skip
        for entry in by_pledge.get(pledge.pk, []):
            rows.append(common | {"type": entry.kind, "date": entry.date, "amount": entry.amount,
                                  "rate_to_usd": entry.rate_to_usd, "rate_date": entry.rate_date})  # fmt: skip
    return sorted(rows, key=lambda row: (row["activity_id"], row["date"], row["pledge_id"]))
