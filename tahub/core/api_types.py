"""Constrained parameter types shared by the API routers.

Codes and search text admit no control characters (PostgreSQL refuses NUL in a string), so a bad value gets a
clear 422 instead of reaching the database.
"""

import datetime
from typing import Annotated

from django.core.exceptions import ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from ninja import Field, Schema
from pydantic import BeforeValidator, create_model, field_validator, model_validator

from .translated import language_fields

# One line of text: no control characters (no NUL, which PostgreSQL refuses; no line break in a title or a name).
ONE_LINE = r"^[^\x00-\x1f\x7f]*$"
Code = Annotated[str, Field(max_length=60, pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")]
SearchText = Annotated[str, Field(max_length=100, pattern=ONE_LINE)]
# A private-link token (secrets.token_urlsafe) and a database id within a 32-bit integer.
Token = Annotated[str, Field(min_length=8, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
Id = Annotated[int, Field(ge=1, le=2_147_483_647)]


def _iso_text(value):
    """A moment is sent as ISO 8601 text, as the API writes it: pydantic would otherwise read 0 as 1970."""
    if not isinstance(value, str | datetime.datetime):
        raise ValueError(_("Give a date and time as ISO 8601 text, for example 2026-07-16T09:00:00.000Z."))
    return value


Moment = Annotated[datetime.datetime, BeforeValidator(_iso_text)]
# A content text in one language as stored (title_fr, ...: core.translated): "" where none was given, its column
# NULL included, so a client reads a string in every language.
StoredText = Annotated[str, BeforeValidator(lambda value: "" if value is None else value)]


def stored_in_every_language(field):
    """A Schema to derive an answer from: `field` as stored in each offered language (title_en, title_fr, ...
    title_ru: settings.LANGUAGES, as core.translated names the columns), so a new language reaches every answer."""
    fields = {name: (StoredText, ...) for name in language_fields(field)}
    return create_model(f"{field.title()}InEveryLanguage", __base__=Schema, **fields)


def _holds_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, list | tuple):
        return any(_holds_nul(item) for item in value)
    return False  # a nested object is a BodyIn of its own, and checks its own fields


class BodyIn(Schema):
    """The base of every JSON body an endpoint reads: the body must be a JSON object. (Ninja's Schema reads
    fields as attributes of whatever it is given, so `"hello"` or `[null, null]` would otherwise pass as an
    object with every field at its default: issue 18.7.) No text in it may hold NUL, which PostgreSQL refuses
    to store (a 500): it is refused under its field, with the message Django's forms give."""

    @model_validator(mode="before")
    @classmethod
    def _a_json_object(cls, values):
        if not isinstance(getattr(values, "_obj", values), dict):  # Ninja hands the body over in a DjangoGetter
            raise ValueError(_("The body must be a JSON object with this endpoint's fields."))
        return values

    @field_validator("*")  # after each field's own checks: a pattern that refuses NUL names the item (decisions.0)
    @classmethod
    def _no_nul(cls, value):
        if _holds_nul(value):
            raise ValueError(str(ProhibitNullCharactersValidator.message))
        return value


def _value(row, field):
    for name in field.split("__"):
        row = getattr(row, name)
    return row


def resolve(model, values, field="slug", *, name=None):
    """The rows of `model` whose `field` is each of the codes `values` (in their order, once each), or the one
    row for one code (a string or a number); None stays None. An unknown code is refused, never dropped: a
    ValidationError (422 in the API) naming every unknown code, under the body field `name` when given.
    `model` may be a queryset (the Stockholm Convention's Parties) and `field` a lookup (`country__iso3`)."""
    if values is None:
        return None
    single = not isinstance(values, list | tuple | set)
    wanted = [values] if single else list(dict.fromkeys(values))
    queryset = model._default_manager.all() if isinstance(model, type) else model
    # A code with NUL matches nothing, and PostgreSQL refuses it in a query (a 500): it is only unknown.
    asked = [value for value in wanted if not (isinstance(value, str) and "\x00" in value)]
    rows = {_value(row, field): row for row in queryset.filter(**{f"{field}__in": asked})}
    unknown = [value for value in wanted if value not in rows]
    if unknown:
        message = ngettext(
            "Unknown code: %(codes)s. Use the codes the API lists for this field.",
            "Unknown codes: %(codes)s. Use the codes the API lists for this field.",
            len(unknown),
        ) % {"codes": ", ".join(str(value) for value in unknown)}
        raise ValidationError({name: message} if name else message)
    found = [rows[value] for value in wanted]
    return found[0] if single else found


def resolve_fields(data, lookups):
    """`data` (a dict) with each field `lookups` names ({field: (model, key)}) given as codes replaced by its rows
    (`resolve`); the unknown codes of every field refused at once, each under its field."""
    errors = {}
    for name, (model, key) in lookups.items():
        if name in data:
            try:
                data[name] = resolve(model, data[name], key, name=name)
            except ValidationError as error:
                errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return data
