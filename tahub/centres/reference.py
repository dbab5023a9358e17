"""Reference-data loaders for the regional centres and their latest known endorsement."""

from django.utils.translation import gettext as _

from tahub.core.reference import Loader, RowError, choice, int_or_none, lookup, text, yes_no
from tahub.directory.models import Organisation
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision
from tahub.vocabularies.models import Theme

from .models import Criterion, Endorsement, RegionalCentre


def _centre_organisation(row):
    """Each centre is also a provider in the partner directory, so requests can be assigned to it."""
    return {
        "slug": text(row, "code", required=True),
        "name": text(row, "name", required=True),
        "kind": Organisation.Kind.REGIONAL_CENTRE,
        "country": lookup(row, "host_country_iso3", Country, "iso3"),
        "summary": text(row, "host_institution"),
        "source": "regional_centres.csv",
    }


def _centre(row):
    return {
        "organisation": Organisation.objects.get(slug=text(row, "code")),
        "code": text(row, "code", required=True),
        "name": text(row, "name", required=True),
        "host_country": lookup(row, "host_country_iso3", Country, "iso3"),
        "city": text(row, "city"),
        "host_institution": text(row, "host_institution", required=True),
        "region": lookup(row, "region", Region, "code"),
        "also_basel_centre": yes_no(row, "also_basel_centre"),
        "languages": text(row, "languages"),
        "status": text(row, "status"),
        "endorsement_history": text(row, "endorsement_history"),
        "sources": text(row, "sources"),
        "notes": text(row, "notes"),
    }


def _endorsement(row):
    reference = text(row, "endorsed_by")
    if not reference:
        return None  # endorsement not found in the sources: the centre's notes say so
    start, end = int_or_none(row, "endorsed_from", required=True), int_or_none(row, "endorsed_until", required=True)
    if end < start:
        raise RowError("endorsed_until", _("ends before it starts"))
    return {
        "centre": RegionalCentre.objects.get(code=text(row, "code")),
        "decision": Decision.objects.filter(number=reference).first(),
        "decision_reference": reference,
        "start_year": start,
        "end_year": end,
    }


def _centre_theme(row):
    """A theme the centre offers as a provider in the directory (centre_themes.csv, derived from the centres'
    mandate by tools/build_centre_themes.py)."""
    return {
        "organisation_id": lookup(row, "centre", Organisation, "slug").pk,
        "theme_id": lookup(row, "theme", Theme, "slug").pk,
    }


def loaders():
    columns = ("code", "name", "host_country_iso3", "host_institution", "region", "also_basel_centre")
    return [
        Loader("regional_centres.csv", Organisation, ("slug",), _centre_organisation, columns, report_stale=False),
        Loader("regional_centres.csv", RegionalCentre, ("code",), _centre, columns),
        Loader(
            "regional_centres.csv",
            Endorsement,
            ("centre", "start_year"),
            _endorsement,
            ("code", "endorsed_by", "endorsed_from", "endorsed_until"),
        ),
        # Other organisations offer themes too: rows not in the file are theirs, not stale.
        Loader(
            "centre_themes.csv",
            Organisation.themes.through,
            ("organisation_id", "theme_id"),
            _centre_theme,
            ("centre", "theme"),
            report_stale=False,
        ),
        *criteria_loaders(),
    ]


def _criterion(row):
    return {
        "code": text(row, "code", required=True),
        "title": text(row, "title", required=True),
        "instructions": text(row, "instructions", required=True),
        "rankings": text(row, "rankings", required=True),
        "sources": text(row, "sources"),
        "max_score": int_or_none(row, "max_score", required=True),
        "counts": choice(row, "counts", Criterion.Counts.values, required=False),
        "thresholds": text(row, "thresholds"),
        "note": text(row, "note"),
    }


def criteria_loaders():
    columns = ("code", "title", "instructions", "rankings", "max_score", "counts", "thresholds")
    return [Loader("centre_evaluation_criteria.csv", Criterion, ("code",), _criterion, columns)]
