"""Page-number pagination for every API list: ``?page=2&page_size=50``.

A page size above the maximum is refused with 422 naming the parameter and the maximum; it is never clamped
silently. A page past the last one answers an empty ``items`` list.

A list endpoint may return ``Rows(queryset, build)`` instead of a queryset: the page's slice of the queryset is
then handed to ``build``, which makes the page's items (plain ``values()`` rows with what they need, in a fixed
number of queries) rather than the schema reading model instances one attribute at a time (issue 13).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from ninja import Field, Schema
from ninja.pagination import PaginationBase

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 100
# Keeps the offset well inside a 64-bit integer on every database.
MAX_PAGE = 1_000_000


@dataclass(frozen=True)
class Rows:
    """A list's items built a page at a time: `queryset` is counted and sliced, `build(slice)` makes the items."""

    queryset: QuerySet
    build: Callable[[QuerySet], list[Any]]


class PageNumberPagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="The page to return, from 1.")
        page_size: int = Field(
            DEFAULT_PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"How many items per page, at most {MAX_PAGE_SIZE}.",
        )

    class Output(Schema):
        count: int = Field(description="How many items match, on all pages.")
        page: int
        page_size: int
        items: list[Any]

    def paginate_queryset(self, queryset, pagination, request, **params):
        build = None
        if isinstance(queryset, Rows):
            queryset, build = queryset.queryset, queryset.build
        offset = (pagination.page - 1) * pagination.page_size
        count = self._items_count(queryset)
        items = queryset[offset : offset + pagination.page_size]
        return {
            "count": count,
            "page": pagination.page,
            "page_size": pagination.page_size,
            "items": build(items) if build else items,
        }
