"""The site's URLs plus one view that fails as a bug would, for the 500 page tests (tests/core/test_error_pages.py)."""

from django.urls import path

from tahub.urls import handler403, handler404, handler500, urlpatterns  # noqa: F401 (the handlers are read here)


def boom(request):
    raise ZeroDivisionError("a bug")


urlpatterns = [path("boom/", boom), *urlpatterns]
