"""Page-number pagination for list pages: a fixed page size keeps a page light and its cost fixed."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset, *, per_page=PAGE_SIZE):
    """The page asked for by ?page= (the last page for a number past it, the first for anything else), and
    the query string without `page`, for the page links."""
    page = Paginator(queryset, per_page).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return page, query.urlencode()
