"""The field types the funding endpoints share: amounts of money answered as decimal strings ("1000000.00",
never floats: Money), amounts and rates given (Amount, Rate), currencies (Currency); and the error answers of
the endpoints that need a staff member's API token (STAFF_ERRORS)."""

from decimal import Decimal
from typing import Annotated

from ninja import Field
from pydantic import PlainSerializer

from tahub.core.api_errors import ErrorOut

CENT = Decimal("0.01")
Money = Annotated[Decimal, PlainSerializer(lambda v: str(Decimal(v).quantize(CENT)), return_type=str)]
Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
Rate = Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=6)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, e.g. USD")]
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
