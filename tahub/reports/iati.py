"""The programme of work as an IATI 2.03 activity file, streamed in constant memory.

`activities_xml()` is a generator of XML text chunks: the header, then one <iati-activity> per programme activity
read with `.iterator(chunk_size=…)` (related rows prefetched per chunk), then the footer. The standard library
builds each activity (lxml is a development dependency only, for the schema test). Codes come from the IATI
codelists copied in `tahub/core/data/iati/` (see its PROVENANCE.md); our themes map to OECD DAC purpose codes
through `sectors.csv` there.
"""

import csv
import datetime
import functools
from decimal import Decimal
from xml.etree.ElementTree import Element, SubElement, tostring

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from tahub.core.translated import languages
from tahub.planning.models import ProgrammeActivity

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
DEFAULT_ORG_REF = "XM-DAC-41116"  # UNEP, which administers the Secretariat: a doubt, see PROVENANCE.md
DEFAULT_ORG_NAME = "Secretariat of the Basel, Rotterdam and Stockholm Conventions"
REGION_VOCABULARY_URI = "https://www.un.org/dgacm/en/content/regional-groups"
STATUS = {"planned": "1", "ongoing": "2", "completed": "4", "cancelled": "5"}
STARTED = {"ongoing", "completed"}
TRANSACTION = {"pledge": "13", "commitment": "11", "receipt": "1"}  # Incoming Pledge / Commitment / Funds
ORGANISATION_TYPE = {  # directory.Organisation.Kind → IATI OrganisationType
    "un-programme": "40", "un-division": "40", "un-agency": "40", "igo": "40", "coordination-mechanism": "40",
    "financial-mechanism": "40", "financial-institution": "40", "mea": "40", "bilateral": "10", "ngo": "21",
    "research": "80", "private": "70", "regional-centre": "90", "other": "90",
}  # fmt: skip


def reporting_org():
    return (
        getattr(settings, "IATI_REPORTING_ORG_REF", "") or DEFAULT_ORG_REF,
        getattr(settings, "IATI_REPORTING_ORG_NAME", "") or DEFAULT_ORG_NAME,
    )


@functools.cache
def sector_map():
    """{theme slug: DAC 5-digit code}, with "*" the default, from the versioned mapping file."""
    path = settings.REFERENCE_DATA_DIR / "iati" / "sectors.csv"
    with path.open(encoding="utf-8") as handle:
        return {row["theme"]: row["dac_code"] for row in csv.DictReader(handle)}


def export_queryset():
    """Every programme activity with what the file needs; related rows are fetched per chunk by the iterator."""
    prefetches = ["partners", "themes", "regions", "countries"]
    if _has_pledges():
        from tahub.funding.models import Pledge

        pledges = Pledge.objects.select_related("donor__party__country", "donor__organisation").prefetch_related(
            "entries"
        )
        prefetches.append(Prefetch("pledges", queryset=pledges.order_by("pledged_on", "pk")))
    return (
        ProgrammeActivity.objects.select_related("biennium", "lead_organisation")
        .prefetch_related(*prefetches)
        .order_by("biennium__start_year", "number")
    )


@functools.cache
def _has_pledges():
    return any(rel.get_accessor_name() == "pledges" for rel in ProgrammeActivity._meta.related_objects)


def activities_xml(queryset=None, *, chunk_size=500):
    """Yield the IATI activity file in chunks of text: memory stays flat whatever the number of activities."""
    ref, name = reporting_org()
    now = timezone.now().replace(microsecond=0).isoformat()
    yield f'<?xml version="1.0" encoding="UTF-8"?>\n<iati-activities version="2.03" generated-datetime="{now}">\n'
    for activity in (queryset if queryset is not None else export_queryset()).iterator(chunk_size=chunk_size):
        yield tostring(activity_element(activity, ref, name), encoding="unicode") + "\n"
    yield "</iati-activities>\n"


def _narrative(parent, tag, text, translations=(), **attrs):
    """`text` in the activity's language (English), then one narrative per other language held."""
    element = SubElement(parent, tag, {k.replace("_", "-"): v for k, v in attrs.items()})
    SubElement(element, "narrative").text = text
    for language, translation in translations:
        SubElement(element, "narrative", {XML_LANG: language}).text = translation
    return element


def _translations(obj, field):
    """(IATI language code, text) for each language other than English that obj holds `field` in.

    IATI's Language codelist is ISO 639-1: Chinese is "zh", where Django's code is "zh-hans"."""
    held = []
    for code in languages()[1:]:
        text = getattr(obj, build_localized_fieldname(field, code)) or ""
        if text.strip():
            held.append((code.split("-")[0], text))
    return held


def _shares(count):
    """Equal percentages summing to exactly 100, as IATI asks when an activity reports several codes."""
    if count <= 1:
        return [None] * count
    share = (Decimal(100) / count).quantize(Decimal("0.01"))
    return [str(share)] * (count - 1) + [str(Decimal(100) - share * (count - 1))]


def activity_element(activity, ref, name):
    biennium = activity.biennium
    root = Element(
        "iati-activity",
        {
            "last-updated-datetime": activity.updated_at.replace(microsecond=0).isoformat(),
            XML_LANG: "en",
            "default-currency": "USD",
        },
    )
    SubElement(root, "iati-identifier").text = f"{ref}-POW-{biennium.start_year}-{biennium.end_year}-{activity.number}"
    _narrative(root, "reporting-org", name, ref=ref, type="40")
    # title_en, not title: the activity's language is English whatever language the export was asked in.
    title = activity.title_en or f"Programme of work {biennium.period}, activity {activity.number}"
    _narrative(root, "title", title, _translations(activity, "title"))
    # The schema wants a description: the activity's own, else what it is.
    fallback = f"Activity {activity.number} of the {biennium.period} programme of work of the BRS conventions."
    _narrative(root, "description", activity.description or fallback, type="1")
    pledges = list(activity.pledges.all()) if _has_pledges() else []
    _participants(root, activity, ref, name, pledges)
    SubElement(root, "activity-status", code=STATUS[activity.status])
    _dates(root, activity)
    _places(root, activity)
    _sectors(root, activity)
    _budget(root, activity)
    _transactions(root, pledges)
    return root


def _participants(root, activity, ref, name, pledges):
    _narrative(root, "participating-org", name, ref=ref, type="40", role="2")  # accountable
    if activity.lead_organisation:
        organisation = activity.lead_organisation
        _narrative(root, "participating-org", organisation.name, role="4", type=ORGANISATION_TYPE[organisation.kind])
    elif activity.lead:
        _narrative(root, "participating-org", f"{name}: {activity.lead}", ref=ref, type="40", role="4")
    for organisation in activity.partners.all():
        _narrative(root, "participating-org", organisation.name, role="4", type=ORGANISATION_TYPE[organisation.kind])
    funders = {}
    for pledge in pledges:
        funders.setdefault(str(pledge.donor), pledge.donor)
    for donor_name in funders:
        _narrative(root, "participating-org", donor_name, role="1")


def _dates(root, activity):
    biennium = activity.biennium
    start = activity.start or datetime.date(biennium.start_year, 1, 1)
    end = activity.end or datetime.date(biennium.end_year, 12, 31)
    started = activity.status in STARTED and start <= timezone.localdate()
    SubElement(root, "activity-date", {"type": "2" if started else "1", "iso-date": start.isoformat()})
    ended = activity.status == "completed" and end <= timezone.localdate()
    SubElement(root, "activity-date", {"type": "4" if ended else "3", "iso-date": end.isoformat()})


def _places(root, activity):
    """Countries if any (ISO alpha-2), else the UN regional groups (vocabulary 99): never both, so the
    percentages stay simple (IATI wants them to sum to 100 across both)."""
    countries = [c for c in activity.countries.all() if c.iso2]
    if countries:
        for country, share in zip(countries, _shares(len(countries)), strict=True):
            attrs = {"code": country.iso2} | ({"percentage": share} if share else {})
            SubElement(root, "recipient-country", attrs)
        return
    regions = list(activity.regions.all())
    for region, share in zip(regions, _shares(len(regions)), strict=True):
        attrs = {"code": region.code, "vocabulary": "99", "vocabulary-uri": REGION_VOCABULARY_URI}
        SubElement(root, "recipient-region", attrs | ({"percentage": share} if share else {}))


def _sectors(root, activity):
    mapping = sector_map()
    codes = sorted({mapping.get(theme.slug, mapping["*"]) for theme in activity.themes.all()} or {mapping["*"]})
    for code, share in zip(codes, _shares(len(codes)), strict=True):
        SubElement(root, "sector", {"vocabulary": "1", "code": code} | ({"percentage": share} if share else {}))


def _budget(root, activity):
    if activity.approved_budget is None:
        return
    start = datetime.date(activity.biennium.start_year, 1, 1).isoformat()
    budget = SubElement(root, "budget", type="1", status="2")  # original, committed (approved by the COP)
    SubElement(budget, "period-start", {"iso-date": start})
    SubElement(budget, "period-end", {"iso-date": datetime.date(activity.biennium.end_year, 12, 31).isoformat()})
    SubElement(budget, "value", {"currency": "USD", "value-date": start}).text = str(activity.approved_budget)


CENT = Decimal("0.01")


def _transactions(root, pledges):
    """The activity's money as the public sees it (docs/api.md, "What the public sees of the money"): per kind
    (pledged 13, committed 11, received 1), one transaction with the total in USD at each record's own rate,
    dated by the latest of them, as the public contributions table shows it. Each pledge's donor, date and amount
    are the Secretariat's (the permission layer's funding.view_pledge); the donors are named, as on that table, as
    participating organisations (role 1, funding)."""
    totals, latest = {}, {}
    for pledge in pledges:
        steps = [("pledge", pledge.pledged_on, pledge.amount * pledge.rate_to_usd)]
        steps += [(entry.kind, entry.date, entry.amount * entry.rate_to_usd) for entry in pledge.entries.all()]
        for kind, date, usd in steps:
            totals[kind] = totals.get(kind, Decimal(0)) + usd
            latest[kind] = max(latest.get(kind, date), date)
    for kind in TRANSACTION:
        if kind not in totals:
            continue
        transaction = SubElement(root, "transaction")
        SubElement(transaction, "transaction-type", code=TRANSACTION[kind])
        SubElement(transaction, "transaction-date", {"iso-date": latest[kind].isoformat()})
        value = {"currency": "USD", "value-date": latest[kind].isoformat()}
        SubElement(transaction, "value", value).text = str(totals[kind].quantize(CENT))
        _narrative(transaction, "description", TOTAL_DESCRIPTION[kind])


TOTAL_DESCRIPTION = {
    "pledge": "Total pledged to this activity (USD, each pledge at its own rate)",
    "commitment": "Total committed to this activity (USD, each commitment at its own rate)",
    "receipt": "Total received for this activity (USD, each receipt at its own rate)",
}
