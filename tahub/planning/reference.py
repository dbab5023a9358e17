"""Reference-data loaders for COP meetings and decisions."""

from tahub.core.reference import Loader, choice, date_or_none, int_or_none, lookup, text
from tahub.parties.models import Convention, Country

from .models import Decision, Meeting


def _meeting(row):
    return {
        "code": text(row, "code", required=True),
        "number": int_or_none(row, "number", required=True),
        "kind": choice(row, "kind", Meeting.Kind.values),
        "city": text(row, "city", required=True),
        "country": lookup(row, "country_iso3", Country, "iso3"),
        "start": date_or_none(row, "start", required=True),
        "end": date_or_none(row, "end", required=True),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def _decision(row):
    return {
        "number": text(row, "number", required=True),
        "convention": lookup(row, "convention", Convention, "code"),
        "meeting": lookup(row, "meeting", Meeting, "code"),
        "year": int_or_none(row, "year", required=True),
        "title": text(row, "title"),
        "topics": text(row, "topic"),
        "verified": choice(row, "verified", Decision.Verified.values),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def loaders():
    return [
        Loader(
            "meetings.csv", Meeting, ("code",), _meeting, ("code", "number", "city", "country_iso3", "start", "end")
        ),
        Loader("decisions.csv", Decision, ("number",), _decision, ("number", "convention", "meeting", "year", "title")),
    ]
