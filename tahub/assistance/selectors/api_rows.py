"""The requests as the API shows them: plain `values()` rows, a page at a time (api.RequestOut)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Model, QuerySet
from django.http import Http404

from tahub.parties.models import Convention
from tahub.vocabularies.models import AssistanceType, Chemical, Theme

from ..models import Assignment, TARequest
from .requests import request_list, requests_visible_to

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

# What the API shows of a request, besides its Party, tags and assignments (api.RequestOut).
API_FIELDS = (
    "reference",
    "title",
    "description",
    "expected_results",
    "state",
    "language",
    "desired_start",
    "desired_end",
    "received_by_letter",
    "message",
    "submitted_at",
    "decided_at",
    "delivered_at",
    "closed_at",
    "version",
)
# Each tag of a request as the API names it: by its code.
API_TAGS: dict[str, tuple[type[Model], str]] = {
    "themes": (Theme, "slug"),
    "assistance_types": (AssistanceType, "slug"),
    "chemicals": (Chemical, "slug"),
    "conventions": (Convention, "code"),
}


def api_request_list(user: User | AnonymousUser, **filters: Any) -> QuerySet[TARequest]:
    """`request_list` as the API lists it: a page of it is read by `api_request_rows`."""
    return request_list(user, **filters).select_related(None).prefetch_related(None)


def api_request_get(user: User | AnonymousUser, reference: str) -> dict[str, Any]:
    """One request the user may see, as the API shows it (`api_request_rows`); 404 for others, as on the pages."""
    rows = api_request_rows(requests_visible_to(user).filter(reference=reference))
    if not rows:
        raise Http404
    return rows[0]


def api_request_rows(requests: QuerySet[TARequest]) -> list[dict[str, Any]]:
    """The requests (already the reader's to see) as the API shows them, in their order: plain `values()` rows,
    each tag by its code and each assignment as its organisation's slug, role and warning; six queries at most
    for any number of requests. Read as model instances with their related objects by the schema's resolvers,
    a page of 50 cost ~1,260 Python calls a request more (issue 13)."""
    rows = list(requests.values("pk", *API_FIELDS, "party__country__iso3"))
    if not rows:
        return []
    by_pk = {}
    for row in rows:
        row["party"] = row.pop("party__country__iso3")
        row.update({name: [] for name in API_TAGS}, assignments=[])
        by_pk[row.pop("pk")] = row
    for name, (model, code) in API_TAGS.items():
        # The model's own ordering (by name), as `ta_request.themes.all()` gives them.
        for pk, value in model._default_manager.filter(requests__in=list(by_pk)).values_list("requests", code):
            by_pk[pk][name].append(value)
    assignments = Assignment.objects.filter(request__in=list(by_pk))
    for pk, organisation, role, warning in assignments.values_list("request", "organisation__slug", "role", "warning"):
        by_pk[pk]["assignments"].append({"organisation": organisation, "role": role, "warning": warning})
    return rows
