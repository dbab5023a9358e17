"""The site's own error pages (404, 403, 500), in every mode, and JSON errors under /api/.

Without DEBUG, Django calls the handlers named in tahub/urls.py (handler404, handler403, handler500): they render
templates/404.html, 403.html and 500.html, or the API's JSON error shape for an address under /api/.

With DEBUG (``make run``, the demo), Django would instead show its technical pages, which list every URL pattern
and a traceback. ErrorPagesMiddleware (the last in settings.MIDDLEWARE) renders the same site pages there too: for
an address no pattern matches, and for Http404, PermissionDenied or any other exception raised by a view. The
traceback of a 500 is still logged (``django.request``), so it shows in the run log.

The middleware also refuses the admin to a signed-in person who is not staff with the 403 page. (Django's admin
would send them to its sign-in page, which sends a signed-in person back to the admin: a redirect loop.)
"""

import logging

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _

from .links import cached_reverse

logger = logging.getLogger("django.request")

PLAIN_500 = (
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Server error · TA Hub</title></head>'
    "<body><main><h1>Server error</h1><p>Something went wrong on our side. Try again later.</p>"
    '<p><a href="/">TA Hub home page</a></p></main></body></html>'
)


def _is_api(request):
    return request.path.startswith("/api/")


def _json(status, detail):
    return JsonResponse({"detail": str(detail), "errors": []}, status=status)


def _page(request, template, status, context=None):
    return HttpResponse(loader.render_to_string(template, context or {}, request), status=status)


def page_not_found(request, exception=None):
    if _is_api(request):
        return _json(404, _("Not found. Check the address against the API documentation at /api/v1/docs."))
    return _page(request, "404.html", 404)


def permission_denied(request, exception=None):
    reason = str(exception) if exception is not None and str(exception) else ""
    if _is_api(request):
        return _json(403, reason or _("You are not allowed to do this."))
    return _page(request, "403.html", 403, {"reason": reason})


def server_error(request):
    """The 500 page; the site's own, or a plain page when even that fails (the fault may be in the templates or
    the database that its navigation reads)."""
    if _is_api(request):
        from .api_errors import server_error_body

        return JsonResponse(server_error_body(), status=500)
    try:
        return _page(request, "500.html", 500)
    except Exception:
        logger.exception("The 500 page could not be rendered")
        return HttpResponse(PLAIN_500, status=500)


def _is_admin(path):
    return path.startswith(cached_reverse("admin:index"))


class ErrorPagesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if _is_admin(request.path) and user is not None and user.is_authenticated and not user.is_staff:
            return permission_denied(request, PermissionDenied(_("The administration site is for Secretariat staff.")))
        if settings.DEBUG and not _is_api(request):
            try:
                resolve(request.path_info)
            except Resolver404:
                return page_not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        """With DEBUG only (otherwise Django calls the handlers itself, and logs)."""
        if not settings.DEBUG or _is_api(request):
            return None
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, PermissionDenied):
            return permission_denied(request, exception)
        extra = {"status_code": 500, "request": request}
        logger.error("Internal Server Error: %s", request.path, exc_info=exception, extra=extra)
        return server_error(request)
