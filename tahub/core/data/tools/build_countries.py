"""Build countries.csv: every ISO 3166-1 country or territory, plus the European Union.

Codes (alpha-3, alpha-2, numeric) come from ISO 3166-1 as packaged by pycountry; the display name is the
UN M49 "Country or Area" short name where M49 lists the code (the names the UN Secretariat uses), else the
ISO short name. Rebuild: `python tahub/core/data/tools/build_countries.py` (needs pycountry).
"""

import csv
from pathlib import Path

import pycountry

HERE = Path(__file__).resolve().parent
M49 = HERE / "sources" / "unsd_m49_en_snapshot_2024-09-25.csv"
OUT = HERE.parent / "countries.csv"
EU = {
    "iso3": "EUU",
    "iso2": "EU",
    "numeric": "",
    "name": "European Union",
    "name_source": "regional economic integration organisation (not in ISO 3166-1)",
}


def main():
    with M49.open(encoding="utf-8-sig") as f:
        m49 = {row["ISO-alpha3 Code"]: row["Country or Area"] for row in csv.DictReader(f)}
    rows = []
    for c in pycountry.countries:
        if c.alpha_3 in m49:
            name, source = m49[c.alpha_3], "UNSD M49 2024-09-25"
        else:
            name, source = (
                c.name,
                f"ISO 3166-1 (pycountry {pycountry.__version__ if hasattr(pycountry, '__version__') else ''})".replace(
                    " )", ")"
                ),
            )
        rows.append({"iso3": c.alpha_3, "iso2": c.alpha_2, "numeric": c.numeric, "name": name, "name_source": source})
    rows.append(EU)
    rows.sort(key=lambda r: r["iso3"])
    with OUT.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=list(EU), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main()
