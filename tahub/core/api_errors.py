"""One JSON error shape for the whole API, with messages a person can act on, in their language.

Every error answers ``{"detail": "<what is wrong, what to do>", "errors": [{"location", "field", "message"}]}``;
``errors`` lists the offending parameters (empty when the error is not about one parameter).
"""

import logging
import re

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as RefusedError
from django.http import Http404, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from ninja import Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError

from .throttle import Throttled
from .workflow import Stale

logger = logging.getLogger("django.request")


class FieldErrorOut(Schema):
    location: str
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[FieldErrorOut] = []


class UnknownValueError(Exception):
    """A filter names something the reference data does not hold (region=XYZ): answered with 422."""

    def __init__(self, field, value, known):
        self.field, self.value, self.known = field, value, known
        super().__init__(field, value)


def check_known(field, value, known_values):
    """Raise UnknownValueError unless `value` (when given) is one of `known_values()`: no query without a value."""
    if value:
        known = known_values()
        if value not in known:
            raise UnknownValueError(field, value, known)
    return value


def get_or_404(getter, *args, message):
    """Call a selector that raises Http404, and answer a missing object with `message` instead."""
    try:
        return getter(*args)
    except Http404:
        raise HttpError(404, message) from None


def _choices(ctx):
    """The allowed values from pydantic's English "'a', 'b' or 'c'", as a plain list: a, b, c."""
    return ", ".join(re.findall(r"'([^']*)'", str(ctx.get("expected", ""))))


def _field_message(error):
    """A translatable sentence for one pydantic error; pydantic's own English text as the last resort."""
    kind, ctx = error.get("type", ""), error.get("ctx") or {}
    messages = {
        "missing": lambda: _("This parameter is required."),
        "int_parsing": lambda: _("Give a whole number."),
        "int_from_float": lambda: _("Give a whole number."),
        "less_than_equal": lambda: _("The largest value allowed is %(max)s.") % {"max": ctx.get("le")},
        "greater_than_equal": lambda: _("The smallest value allowed is %(min)s.") % {"min": ctx.get("ge")},
        "string_too_long": lambda: (
            ngettext("Give at most %(max)s character.", "Give at most %(max)s characters.", ctx.get("max_length") or 0)
            % {"max": ctx.get("max_length")}
        ),
        "string_pattern_mismatch": lambda: _("This value has characters or a form that is not allowed."),
        "enum": lambda: _("Use one of: %(choices)s.") % {"choices": _choices(ctx)},
        "literal_error": lambda: _("Use one of: %(choices)s.") % {"choices": _choices(ctx)},
        # Our own validators' messages (BodyIn's, a schema's checks) are already translated sentences.
        "value_error": lambda: str(ctx.get("error") or error.get("msg")),
    }
    make = messages.get(kind)
    return make() if make else str(error.get("msg", _("This value is not valid.")))


def _split_loc(loc):
    loc = [str(part) for part in loc if part != "ninja_pagination"]
    location = loc[0] if loc else ""
    field = ".".join(loc[1:]) if len(loc) > 1 else location
    return location, field


def validation_error(request, exc, api):
    errors = []
    for error in exc.errors:
        location, field = _split_loc(error.get("loc", ()))
        errors.append({"location": location, "field": field, "message": _field_message(error)})
    names = ", ".join(dict.fromkeys(e["field"] for e in errors))
    detail = _("Some parameters are not valid: %(names)s. See errors for each one.") % {"names": names}
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


def unknown_value_error(request, exc, api):
    message = _("Unknown value “%(value)s”. Use one of: %(choices)s.") % {
        "value": exc.value,
        "choices": ", ".join(exc.known),
    }
    detail = _("Some parameters are not valid: %(names)s. See errors for each one.") % {"names": exc.field}
    errors = [{"location": "query", "field": exc.field, "message": message}]
    return api.create_response(request, {"detail": detail, "errors": errors}, status=422)


def authentication_error(request, exc, api):
    if request.headers.get("Authorization"):
        detail = _(
            "The API token is not valid: it is unknown, revoked, or its user is inactive. "
            "Send “Authorization: Bearer <token>” with a current token, or ask for a new one."
        )
    else:
        detail = _(
            "This endpoint needs a personal API token. Send the header “Authorization: Bearer <token>”; "
            "create one on your account's API tokens page (/account/api-tokens/) when signed in."
        )
    response = api.create_response(request, {"detail": detail, "errors": []}, status=401)
    response["WWW-Authenticate"] = "Bearer"
    return response


def http_error(request, exc, api):
    detail = str(exc)
    if exc.status_code == 400:
        # ninja's only 400: a request body that is not JSON ("Cannot parse request body").
        detail = _("The request body could not be read. Send a JSON object with “Content-Type: application/json”.")
    return api.create_response(request, {"detail": detail, "errors": []}, status=exc.status_code)


def not_found(request, exc, api):
    detail = _("Not found. Check the address against the API documentation at /api/v1/docs.")
    return api.create_response(request, {"detail": detail, "errors": []}, status=404)


def unreadable_body(request, exc, api):
    """A form body Django cannot parse (multipart without its boundary, a broken part): the client's fault, 400."""
    detail = _(
        "The request body could not be read. Send a multipart form with “Content-Type: multipart/form-data; "
        "boundary=…” (any HTTP client sets the boundary when it sends files), or JSON where the endpoint takes JSON."
    )
    return api.create_response(request, {"detail": detail, "errors": []}, status=400)


def permission_denied(request, exc, api):
    """A PermissionDenied (the permission layer's `require()`, in a service or an endpoint): 403 with its reason."""
    detail = str(exc) or _("You are not allowed to do this.")
    return api.create_response(request, {"detail": detail, "errors": []}, status=403)


def refused_body(error):
    """A service's refusal (Django's ValidationError) in the API's error shape: one entry per field it names
    (the field of the body; "" for the refusal as a whole)."""
    pairs = error.message_dict.items() if hasattr(error, "error_dict") else [("__all__", error.messages)]
    errors = [
        {"location": "body", "field": "" if field == "__all__" else field, "message": message}
        for field, messages in pairs
        for message in messages
    ]
    return {"detail": " ".join(e["message"] for e in errors), "errors": errors}


def refused(request, exc, api):
    """A service refused the request (its ValidationError): 422, naming each field and what is wrong with it."""
    return api.create_response(request, refused_body(exc), status=422)


def stale(request, exc, api):
    """An optimistic-lock refusal (core.workflow.Stale): 409 with who changed what, and when; nothing was saved."""
    return api.create_response(request, {"detail": " ".join(exc.messages), "errors": []}, status=409)


def throttled(request, exc, api):
    """Too many sends from one address (core.throttle): 429 with the reason, and when to try again."""
    response = api.create_response(request, {"detail": " ".join(exc.messages), "errors": []}, status=429)
    response["Retry-After"] = str(exc.retry_after)
    return response


def server_error(request, exc, api):
    """Any other exception: logged with its traceback (as Django logs a 500, so ADMINS hear of it), and answered
    with the error shape in every mode, never an HTML page or a traceback."""
    logger.error(
        "Internal Server Error: %s", request.path, exc_info=exc, extra={"status_code": 500, "request": request}
    )
    return api.create_response(request, server_error_body(), status=500)


def server_error_body():
    detail = _(
        "Something went wrong on our side and the request was not completed. Try again later; if it keeps "
        "happening, tell the Secretariat what you sent and when."
    )
    return {"detail": str(detail), "errors": []}


def api_not_found(request, *args, **kwargs):
    """A plain Django view for addresses under /api/ that no endpoint answers: the same JSON 404."""
    detail = _("Not found. Check the address against the API documentation at /api/v1/docs.")
    return JsonResponse({"detail": detail, "errors": []}, status=404)


def install_error_handlers(api):
    """Replace ninja's default error bodies with ours, on `api`."""
    for exc_class, handler in [
        (Exception, server_error),
        (MultiPartParserError, unreadable_body),
        (PermissionDenied, permission_denied),
        (RefusedError, refused),
        (Stale, stale),
        (Throttled, throttled),
        (ValidationError, validation_error),
        (UnknownValueError, unknown_value_error),
        (AuthenticationError, authentication_error),
        (HttpError, http_error),
        (Http404, not_found),
    ]:
        api.add_exception_handler(exc_class, lambda request, exc, handler=handler: handler(request, exc, api))
