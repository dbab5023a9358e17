"""Constrained parameter types shared by the API routers.

Codes and search text admit no control characters (PostgreSQL refuses NUL in a string), so a bad value gets a
clear 422 instead of reaching the database.
"""

from typing import Annotated

from django.utils.translation import gettext_lazy as _
from ninja import Field, Schema
from pydantic import model_validator

Code = Annotated[str, Field(max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
SearchText = Annotated[str, Field(max_length=100, pattern=r"^[^\x00-\x1f\x7f]*$")]
# A private-link token (secrets.token_urlsafe) and a database id within a 32-bit integer.
Token = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]


class BodyIn(Schema):
    """The base of every JSON body an endpoint reads: the body must be a JSON object. (Ninja's Schema reads
    fields as attributes of whatever it is given, so `"hello"` or `[null, null]` would otherwise pass as an
    object with every field at its default: issue 18.7.)"""

    @model_validator(mode="before")
    @classmethod
    def _a_json_object(cls, values):
        if not isinstance(getattr(values, "_obj", values), dict):  # Ninja hands the body over in a DjangoGetter
            raise ValueError(_("The body must be a JSON object with this endpoint's fields."))
        return values
