"""Calling a service from an API endpoint. Its refusals need no wrapping: the API's error handlers
(core/api_errors.py) answer PermissionDenied with 403 and its reason, core.workflow.Stale with 409, and a
ValidationError with 422, one entry per field."""

from django.core.exceptions import ValidationError

from .uploads import DocumentValidator


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
