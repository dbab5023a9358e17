"""Reads of the directory, shared by pages, API and exports."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from tahub.core.rules import is_secretariat
from tahub.core.translated import in_any_language

from .models import Correction, ListingRequest, Organisation

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User


def _organisations_seen_by(user: User | AnonymousUser | None, include_unlisted: bool) -> QuerySet[Organisation]:
    """Listed organisations; all of them for the Secretariat (or a caller that has checked the permission)."""
    if include_unlisted or (user is not None and is_secretariat(user)):
        return Organisation.objects.all()
    return Organisation.objects.filter(listed=True)


def _organisations_filtered(
    *,
    kind: str | None,
    theme: str | None,
    region: str | None,
    search: str | None,
    include_unlisted: bool,
    user: User | AnonymousUser | None,
) -> QuerySet[Organisation]:
    queryset = _organisations_seen_by(user, include_unlisted)
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if region:
        queryset = queryset.filter(Q(regions_served__code=region) | Q(regional_centre__region__code=region))
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search)
            | Q(short_name__icontains=search)
            | in_any_language("summary", "icontains", search)
        )
    if theme or region:
        queryset = queryset.distinct()
    return queryset.order_by("name")


def organisation_list(
    *,
    kind: str | None = None,
    theme: str | None = None,
    region: str | None = None,
    search: str | None = None,
    include_unlisted: bool = False,
    user: User | AnonymousUser | None = None,
) -> QuerySet[Organisation]:
    """Listed organisations (all, for staff), with what they offer, filtered; by name."""
    queryset = _organisations_filtered(
        kind=kind, theme=theme, region=region, search=search, include_unlisted=include_unlisted, user=user
    )
    return queryset.select_related("country").prefetch_related("themes", "assistance_types")


def organisation_rows(
    *,
    kind: str | None = None,
    theme: str | None = None,
    region: str | None = None,
    search: str | None = None,
    include_unlisted: bool = False,
    user: User | AnonymousUser | None = None,
) -> QuerySet[Organisation, Any]:  # rows as dicts
    """The organisations of `organisation_list` as plain values, for the directory's page: dicts of `slug`,
    `name` and `kind` (its code), to paginate; `theme_names` adds the themes of a page's rows. No model instances
    (nor their countries and vocabularies) for three values a row."""
    queryset = _organisations_filtered(
        kind=kind, theme=theme, region=region, search=search, include_unlisted=include_unlisted, user=user
    )
    return queryset.values("id", "slug", "name", "kind")


def theme_names(organisation_ids: Iterable[int]) -> dict[int, list[str]]:
    """{organisation id: [the names of the themes it offers, by name]} for these organisations, in one query;
    an organisation offering none is left out."""
    offered = Organisation.themes.through.objects.filter(organisation_id__in=organisation_ids)
    pairs = offered.order_by("organisation_id", "theme__name", "theme_id").values_list("organisation_id", "theme__name")
    return {organisation: [name for _, name in group] for organisation, group in groupby(pairs, key=itemgetter(0))}


def organisation_for_file(
    slug: str, *, include_unlisted: bool = False, user: User | AnonymousUser | None = None
) -> Organisation:
    """One organisation, without what its page shows: to answer its logo (an unlisted one: staff only)."""
    queryset = _organisations_seen_by(user, include_unlisted)
    return get_object_or_404(queryset, slug=slug)


def organisation_get(
    slug: str, *, include_unlisted: bool = False, user: User | AnonymousUser | None = None
) -> Organisation:
    """One organisation with what its page shows: listed, or any for the Secretariat (`user`)."""
    queryset = organisation_list(include_unlisted=include_unlisted, user=user).prefetch_related(
        "regions_served",
        "parties_served__country",
        Prefetch("corrections", queryset=Correction.objects.filter(resolved_at__isnull=True)),
    )
    return get_object_or_404(queryset, slug=slug)


# An application's conversation, prefetched: its messages, who sent them and the files sent with them.
CONVERSATION = ("messages__author", "messages__documents")


def listing_requests_to_review() -> QuerySet[ListingRequest]:
    return (
        ListingRequest.objects.select_related("country")
        .prefetch_related("documents", *CONVERSATION, "themes", "assistance_types", "regions_served")
        .order_by("state", "-created_at")
    )


def listing_by_token(token: str) -> ListingRequest:
    return get_object_or_404(
        ListingRequest.objects.select_related("country", "organisation").prefetch_related("documents", *CONVERSATION),
        token=token,
    )


def open_corrections() -> QuerySet[Correction]:
    return Correction.objects.filter(resolved_at__isnull=True).select_related("organisation").order_by("created_at")
