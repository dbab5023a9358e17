"""Page-number pagination for list pages: a fixed page size keeps a page light and its cost fixed."""

from django.core.paginator import Paginator

PAGE_SIZE = 50


def paginate(request, queryset, *, per_page=PAGE_SIZE, param="page"):
    """The page asked for by ?page= (the last page for a number past it, the first for anything else), and
    the query string without `page`, for the page links. A page with two paginated lists names the second
    one's parameter (`param`); core/pagination.html takes it as `page_param`."""
    page = Paginator(queryset, per_page).get_page(request.GET.get(param))
    query = request.GET.copy()
    query.pop(param, None)
    return page, query.urlencode()
