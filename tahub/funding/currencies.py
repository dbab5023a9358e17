"""ISO 4217 currency codes, from the copy of IATI's Currency codelist in tahub/core/data/iati/codelists/ (a
replica of ISO 4217; its provenance is in that folder's PROVENANCE.md). Codes the list marks withdrawn are not
offered. Read once per process with the standard library, so the runtime needs no extra package."""

import functools
import xml.etree.ElementTree as ET  # noqa: S405 (our own copied codelist, not untrusted input)
from pathlib import Path

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CODELIST = Path(__file__).resolve().parent.parent / "core" / "data" / "iati" / "codelists" / "Currency.xml"


@functools.cache
def currencies():
    """{code: English name} of the ISO 4217 currencies in use, by code."""
    root = ET.parse(CODELIST).getroot()  # noqa: S314
    found = {}
    for item in root.iter("codelist-item"):
        if item.get("status") == "withdrawn":
            continue
        code = item.findtext("code", "").strip()
        found[code] = (item.findtext("name/narrative") or code).strip()
    return dict(sorted(found.items()))


def validate_currency(value):
    """A model field's validator: an ISO 4217 code in use, e.g. USD or EUR."""
    if value not in currencies():
        raise ValidationError(
            _("“%(value)s” is not an ISO 4217 currency code in use; give one such as USD, EUR or CHF."),
            code="invalid_currency",
            params={"value": value},
        )


def currency_choices():
    return [(code, f"{code} — {name}") for code, name in currencies().items()]
