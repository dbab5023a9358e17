"""Reads of the directory, shared by pages, API and exports."""

from itertools import groupby
from operator import itemgetter

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from tahub.accounts.rules import is_secretariat

from .models import Correction, ListingRequest, Organisation


def _organisations_seen_by(user, include_unlisted):
    """Listed organisations; all of them for the Secretariat (or a caller that has checked the permission)."""
    if include_unlisted or (user is not None and is_secretariat(user)):
        return Organisation.objects.all()
    return Organisation.objects.filter(listed=True)


def _organisations_filtered(*, kind, theme, region, search, include_unlisted, user):
    queryset = _organisations_seen_by(user, include_unlisted)
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if region:
        queryset = queryset.filter(Q(regions_served__code=region) | Q(regional_centre__region__code=region))
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search) | Q(short_name__icontains=search) | Q(summary__icontains=search)
        )
    if theme or region:
        queryset = queryset.distinct()
    return queryset.order_by("name")


def organisation_list(*, kind=None, theme=None, region=None, search=None, include_unlisted=False, user=None):
    """Listed organisations (all, for staff), with what they offer, filtered; by name."""
    queryset = _organisations_filtered(
        kind=kind, theme=theme, region=region, search=search, include_unlisted=include_unlisted, user=user
    )
    return queryset.select_related("country").prefetch_related("themes", "assistance_types")


def organisation_rows(*, kind=None, theme=None, region=None, search=None, include_unlisted=False, user=None):
    """The organisations of `organisation_list` as plain values, for the directory's page: dicts of `slug`,
    `name` and `kind` (its code), to paginate; `theme_names` adds the themes of a page's rows. No model instances
    (nor their countries and vocabularies) for three values a row."""
    queryset = _organisations_filtered(
        kind=kind, theme=theme, region=region, search=search, include_unlisted=include_unlisted, user=user
    )
    return queryset.values("id", "slug", "name", "kind")


def theme_names(organisation_ids):
    """{organisation id: [the names of the themes it offers, by name]} for these organisations, in one query;
    an organisation offering none is left out."""
    offered = Organisation.themes.through.objects.filter(organisation_id__in=organisation_ids)
    pairs = offered.order_by("organisation_id", "theme__name", "theme_id").values_list("organisation_id", "theme__name")
    return {organisation: [name for _, name in group] for organisation, group in groupby(pairs, key=itemgetter(0))}


def organisation_for_file(slug, *, include_unlisted=False, user=None):
    """One organisation, without what its page shows: to answer its logo (an unlisted one: staff only)."""
    queryset = _organisations_seen_by(user, include_unlisted)
    return get_object_or_404(queryset, slug=slug)


def organisation_get(slug, *, include_unlisted=False, user=None):
    """One organisation with what its page shows: listed, or any for the Secretariat (`user`)."""
    queryset = organisation_list(include_unlisted=include_unlisted, user=user).prefetch_related(
        "regions_served",
        "parties_served__country",
        Prefetch("corrections", queryset=Correction.objects.filter(resolved_at__isnull=True)),
    )
    return get_object_or_404(queryset, slug=slug)


def listing_requests_to_review():
    return (
        ListingRequest.objects.select_related("country")
        .prefetch_related("documents", "themes", "assistance_types", "regions_served")
        .order_by("state", "-created_at")
    )


def listing_by_token(token):
    return get_object_or_404(
        ListingRequest.objects.select_related("country", "organisation").prefetch_related("documents"), token=token
    )


def open_corrections():
    return Correction.objects.filter(resolved_at__isnull=True).select_related("organisation").order_by("created_at")
