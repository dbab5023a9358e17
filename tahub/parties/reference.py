"""Reference-data loaders for regions, countries, eligibility, conventions and Stockholm Parties."""

from tahub.core.reference import Loader, choice, date_or_none, lookup, text, yes_no

from .models import Convention, Country, Eligibility, Party, Region

# The words eligibility.csv uses for each class.
ELIGIBILITY_WORDS = {
    "developing": Eligibility.DEVELOPING,
    "eit": Eligibility.TRANSITION,
    "developed": Eligibility.DEVELOPED,
}


def _region(row):
    return {"code": text(row, "code", required=True), "name": text(row, "name", required=True)}


def _country(row):
    return {
        "iso3": text(row, "iso3", required=True),
        "iso2": text(row, "iso2"),
        "numeric": text(row, "numeric"),
        "name": text(row, "name", required=True),
        "name_source": text(row, "name_source"),
    }


def _country_region(row):
    # The European Union belongs to no UN regional group.
    return {"iso3": text(row, "iso3", required=True), "region": lookup(row, "group", Region, "code", required=False)}


def _eligibility(row):
    word = choice(row, "class", ELIGIBILITY_WORDS)
    return {
        "iso3": text(row, "iso3", required=True),
        "eligibility_class": ELIGIBILITY_WORDS[word],
        "ldc": yes_no(row, "ldc"),
        "sids": yes_no(row, "sids"),
        "eligibility_source": text(row, "source"),
    }


def _convention(row):
    return {
        "code": text(row, "code", required=True),
        "name": text(row, "name", required=True),
        "short_name": text(row, "short_name", required=True),
        "adopted": date_or_none(row, "adopted"),
        "entry_into_force": date_or_none(row, "entry_into_force"),
    }


def _stockholm_party(row):
    return {
        "country": lookup(row, "iso3", Country, "iso3"),
        "convention": Convention.objects.get(code="SC"),
        "signature": date_or_none(row, "signature"),
        "action": choice(row, "action", Party.Action.values),
        "action_date": date_or_none(row, "action_date"),
        "entry_into_force": date_or_none(row, "entry_into_force"),
    }


def loaders():
    return [
        Loader("regions.csv", Region, ("code",), _region, ("code", "name")),
        Loader("countries.csv", Country, ("iso3",), _country, ("iso3", "iso2", "numeric", "name")),
        Loader("un_regional_groups.csv", Country, ("iso3",), _country_region, ("iso3", "group"), create=False),
        Loader("eligibility.csv", Country, ("iso3",), _eligibility, ("iso3", "class", "ldc", "sids"), create=False),
        Loader("conventions.csv", Convention, ("code",), _convention, ("code", "name", "short_name")),
        Loader(
            "stockholm_parties.csv",
            Party,
            ("country", "convention"),
            _stockholm_party,
            ("iso3", "signature", "action", "action_date", "entry_into_force"),
        ),
    ]
