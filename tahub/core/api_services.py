"""Calling a service from an API endpoint: its refusals in the API's one error shape (core/api_errors.py).

A PermissionDenied answers 403 with its reason; a ValidationError answers 422 with one entry per field.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _
from ninja import Status

from .uploads import DocumentValidator


def invalid(error):
    """Django's ValidationError in the API's error shape: one entry per field, in the body."""
    pairs = error.message_dict.items() if hasattr(error, "error_dict") else [("__all__", error.messages)]
    errors = [
        {"location": "body", "field": "" if field == "__all__" else field, "message": message}
        for field, messages in pairs
        for message in messages
    ]
    return {"detail": " ".join(e["message"] for e in errors), "errors": errors}


def run(call):
    """Run a service: (None, result), or (Status(code, error body), None) when it refuses."""
    try:
        return None, call()
    except PermissionDenied as denied:
        return Status(403, {"detail": str(denied) or _("You may not do this."), "errors": []}), None
    except ValidationError as error:
        return Status(422, invalid(error)), None


def checked_uploads(field, uploads, *validators):
    """Uploads checked as the pages check them (type, size, content; by default a document's checks): every
    problem at once, as a ValidationError naming `field`. Missing (None) uploads are skipped."""
    validators = validators or (DocumentValidator(),)
    errors = []
    for upload in filter(None, uploads):
        for validator in validators:
            try:
                validator(upload)
            except ValidationError as error:
                errors.extend(error.messages)
    if errors:
        raise ValidationError({field: errors})
    return uploads
