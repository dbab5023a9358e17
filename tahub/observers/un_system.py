"""The bodies' status in the UN system, as data (data/un_system.csv, with its PROVENANCE file), and the
exemption from admission that decision SC-2/16, paragraph 5 gives "the United Nations Offices and Specialized
Agencies, the IAEA and the GEF": an organisation is exempt when the paragraph covers it, whatever its
directory category (the World Bank is a specialized agency filed as a financial institution).
"""

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

DATA = Path(__file__).parent / "data" / "un_system.csv"
BASIS = _("decision SC-2/16, paragraph 5")

STATUSES = {
    "un-office": _("United Nations office, fund or programme"),
    "specialized-agency": _("Specialized agency of the United Nations"),
    "related-organization": _("Related organization of the United Nations system"),
    "financial-mechanism": _("Financial mechanism of the Convention"),
}
# The words of paragraph 5 that cover a body, as a phrase: "exempt … as one of the United Nations Offices".
COVERED_AS = {
    "un-offices": _("one of the United Nations Offices"),
    "specialized-agencies": _("one of the Specialized Agencies of the United Nations"),
    "iaea": _("the International Atomic Energy Agency, named in it"),
    "gef": _("the Global Environment Facility, named in it"),
}


@dataclass(frozen=True)
class Standing:
    organisation: str  # the directory code
    status: str  # a key of STATUSES, or ""
    covered_by: str  # a key of COVERED_AS, or "" (not exempt by paragraph 5)
    source: str

    @property
    def exempt(self):
        return bool(self.covered_by)

    @property
    def status_label(self):
        return STATUSES.get(self.status, "")

    @property
    def covered_as(self):
        return COVERED_AS.get(self.covered_by, "")


@cache
def standings():
    """{directory code: Standing}, read once from the data file (checked: unknown codes are an error)."""
    with DATA.open(encoding="utf-8", newline="") as handle:
        rows = [Standing(r["organisation"], r["un_system_status"], r["sc_2_16_para_5"], r["source"])
                for r in csv.DictReader(handle)]  # fmt: skip
    for row in rows:
        if row.status not in STATUSES and row.status or row.covered_by not in COVERED_AS and row.covered_by:
            raise ValueError(f"{DATA.name}: unknown status or paragraph-5 term for {row.organisation}")
    return {row.organisation: row for row in rows}


def standing(organisation):
    """The organisation's Standing, or None when the file does not place it."""
    return standings().get(getattr(organisation, "slug", organisation))


def exempt_codes():
    """The directory codes of the bodies paragraph 5 exempts."""
    return frozenset(code for code, row in standings().items() if row.exempt)
