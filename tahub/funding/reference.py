"""Reference-data loader for the trust funds (BD, RV, SV…)."""

from tahub.core.reference import Loader, lookup, text
from tahub.parties.models import Convention

from .models import TrustFund


def _trust_fund(row):
    return {
        "code": text(row, "code", required=True),
        "name": text(row, "name", required=True),
        "convention": lookup(row, "convention", Convention, "code", required=False),
        "notes": text(row, "notes"),
    }


def loaders():
    return [Loader("trust_funds.csv", TrustFund, ("code",), _trust_fund, ("code", "name", "convention", "notes"))]
