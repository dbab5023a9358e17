"""A limit on what one address (IP) may send in an hour, for the forms and endpoints anyone may use that send
e-mail (the contact form, "list my organisation", observer applications): a script cannot flood the Secretariat's
inboxes, or strangers' through the private links sent to the contact given."""

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils.translation import gettext

PER_HOUR = 5  # sends from one address (IP) per hour, per kind
WINDOW = 3600  # seconds


class Throttled(ValidationError):
    """Too many sends from one address: pages show the message on the form, the API answers 429 with it."""

    retry_after = WINDOW


def client_ip(request):
    return request.META.get("REMOTE_ADDR", "")


def check(kind, ip, *, per_hour=PER_HOUR, message=None):
    """Count one send of `kind` from `ip`; refuse (Throttled) once more than `per_hour` were made in the hour
    since the first. Call it before sending anything."""
    key = f"tahub:throttle:{kind}:{ip}"
    cache.add(key, 0, WINDOW)
    if cache.incr(key) > per_hour:
        raise Throttled(message or gettext("You have sent several requests in the last hour. Please try again later."))
