"""The field types the planning endpoints share: amounts of money answered as decimal strings ("1190000.00",
never floats: Money), years (Year), titles (Title, and TITLES: a title as stored in every language); the error
answers of the endpoints that need a staff member's API token (STAFF_ERRORS) and the permission they ask (EDIT)."""

from decimal import Decimal
from typing import Annotated

from ninja import Field
from pydantic import PlainSerializer

from tahub.core.api_errors import ErrorOut
from tahub.core.api_types import ONE_LINE, stored_in_every_language

Money = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str)]
Year = Annotated[int, Field(ge=1990, le=2100)]
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
EDIT = "planning.change_programme"
# The texts in each language (settings.LANGUAGES), as events/api/events.py gives an event's: `title` in the
# reader's language (?lang=, else Accept-Language), else English, else any; and TITLES: title_en ... title_ru as stored.
# A title is one line without control characters (PostgreSQL refuses NUL in a string: a 500, not a 422).
Title = Annotated[str, Field(max_length=300, pattern=ONE_LINE)]
TITLES = stored_in_every_language("title")
