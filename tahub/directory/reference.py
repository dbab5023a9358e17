"""Reference-data loader for the partners named on the Convention's partners page."""

from tahub.core.reference import Loader, choice, text

from .models import Organisation


def _partner(row):
    return {
        "slug": text(row, "slug", required=True),
        "name": text(row, "name", required=True),
        "short_name": text(row, "short_name"),
        "kind": choice(row, "kind", Organisation.Kind.values),
        "roles": text(row, "roles"),
        "summary": text(row, "summary"),
        "source": text(row, "source"),
    }


def loaders():
    columns = ("slug", "name", "kind")
    return [Loader("partners.csv", Organisation, ("slug",), _partner, columns, report_stale=False)]
