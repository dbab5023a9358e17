"""The field options every amount of this app shares: an amount (0 or more), a positive amount, a rate to USD,
and a currency (an ISO 4217 code in use, currencies.py)."""

from decimal import Decimal

from django.core.validators import MinValueValidator

from ..currencies import validate_currency

AMOUNT = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(0)]}
POSITIVE = {"max_digits": 14, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0.01"))]}
RATE = {"max_digits": 18, "decimal_places": 6, "validators": [MinValueValidator(Decimal("0.000001"))]}
CURRENCY = validate_currency  # ISO 4217 codes in use (currencies.py)
