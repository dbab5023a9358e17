"""Build centre_themes.csv: the themes each regional centre offers, derived from its mandate.

The rule (seed 001 and regional_centres.csv): a Stockholm Convention regional centre "provides capacity-building
and promotes the transfer of technology to assist developing country Parties and Parties with economies in
transition to fulfill their obligations under the Stockholm Convention". So every centre offers
- each theme of themes.csv in the cluster `convention-specific` (the Parties' obligations, Arts. 3-8, 15, 16 and
  Annex B), and
- the theme `technology-transfer` (Art. 12), which the mandate names.
No per-centre source lists the themes a centre offers; when one is found (a work plan), its rows replace these.

Standard library only. `python3 tools/build_centre_themes.py` writes the file; `--check` only compares.
"""

import csv
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
OUT = HERE / "centre_themes.csv"
MANDATE_CLUSTER = "convention-specific"
NAMED_BY_THE_MANDATE = ("technology-transfer",)
BASIS = {
    MANDATE_CLUSTER: "mandate: obligations under the Convention (seed 001)",
    "named": "mandate: transfer of technology (seed 001)",
}


def rows(directory=HERE):
    with (directory / "themes.csv").open(newline="", encoding="utf-8") as handle:
        themes = list(csv.DictReader(handle))
    with (directory / "regional_centres.csv").open(newline="", encoding="utf-8") as handle:
        centres = [row["code"] for row in csv.DictReader(handle)]
    offered = [(t["slug"], BASIS[MANDATE_CLUSTER]) for t in themes if t["cluster"] == MANDATE_CLUSTER]
    offered += [(t["slug"], BASIS["named"]) for t in themes if t["slug"] in NAMED_BY_THE_MANDATE]
    return [{"centre": code, "theme": slug, "basis": basis} for code in centres for slug, basis in offered]


def main():
    built = rows()
    if "--check" in sys.argv:
        with OUT.open(newline="", encoding="utf-8") as handle:
            ok = list(csv.DictReader(handle)) == built
        print("centre_themes.csv is up to date" if ok else "centre_themes.csv differs from the rule: rebuild it")
        return 0 if ok else 1
    with OUT.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["centre", "theme", "basis"], lineterminator="\n")
        writer.writeheader()
        writer.writerows(built)
    print(f"centre_themes.csv: {len(built)} rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
