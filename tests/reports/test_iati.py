"""The IATI 2.03 export: valid against the official schema, codes from the IATI codelists, pledges, commitments
and receipts as incoming transactions, streamed in a fixed number of queries per chunk."""

import datetime
import xml.etree.ElementTree as ET
from decimal import Decimal
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation
from lxml import etree

from tahub.directory.models import Organisation
from tahub.parties.models import Country
from tahub.reports import iati
from tests.accounts import cast
from tests.planning.factories import activity, plan_2026

pytestmark = pytest.mark.django_db

IATI = settings.REFERENCE_DATA_DIR / "iati"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(IATI / "iati-activities-schema.xsd")))


def codes(name):
    return {item.findtext("code") for item in ET.parse(IATI / "codelists" / f"{name}.xml").iter("codelist-item")}


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


@pytest.fixture
def programme(admin):
    _plan, objective, biennium = plan_2026(admin)
    first = activity(
        admin,
        biennium,
        11,
        objective=objective,
        lead_organisation=Organisation.objects.get(slug="unitar"),
        partners=list(Organisation.objects.filter(kind="regional-centre")[:2]),
        countries=list(Country.objects.filter(iso3__in=["KEN", "BRA"])),
    )
    second = activity(
        admin, biennium, 12, title_fr="Ateliers", title_zh_hans="区域讲习班", lead="Technical Assistance Branch"
    )
    return first, second


def export():
    return "".join(iati.activities_xml())


def test_the_export_is_valid_against_the_iati_schema(schema, programme):
    document = etree.fromstring(export().encode())
    schema.assertValid(document)
    assert len(document.findall("iati-activity")) == 5  # 2 made here, 3 in the reference data (2012–2013)


def test_every_code_comes_from_its_codelist(programme):
    document = ET.fromstring(export())
    checks = {
        ".//activity-status": ("code", "ActivityStatus"),
        ".//activity-date": ("type", "ActivityDateType"),
        ".//participating-org": ("role", "OrganisationRole"),
        ".//sector": ("code", "Sector"),
        ".//recipient-country": ("code", "Country"),
        ".//transaction-type": ("code", "TransactionType"),
        ".//budget": ("type", "BudgetType"),
        ".//value": ("currency", "Currency"),
    }
    for path, (attribute, codelist) in checks.items():
        allowed = codes(codelist)
        assert {e.get(attribute) for e in document.iterfind(path) if e.get(attribute)} <= allowed, path
    org_types = {e.get("type") for e in document.iterfind(".//participating-org") if e.get("type")}
    assert org_types <= codes("OrganisationType")


def test_an_activity_reports_its_identifier_organisations_places_sectors_and_budget(programme):
    document = ET.fromstring(export())
    first = next(a for a in document if a.findtext("iati-identifier") == "XM-DAC-41116-POW-2026-2027-11")
    assert first.find("reporting-org").get("ref") == "XM-DAC-41116"
    roles = [(p.get("role"), p.findtext("narrative")) for p in first.iterfind("participating-org")]
    assert ("4", Organisation.objects.get(slug="unitar").name) in roles and roles[0][0] == "2"
    assert sorted(c.get("code") for c in first.iterfind("recipient-country")) == ["BR", "KE"]
    assert sum(Decimal(c.get("percentage")) for c in first.iterfind("recipient-country")) == 100
    assert [s.get("code") for s in first.iterfind("sector")] == ["41010"]  # nip
    assert first.find("budget/value").text == "1190000.00"
    assert first.find("activity-status").get("code") == "2"
    second = next(a for a in document if a.findtext("iati-identifier").endswith("2026-2027-12"))
    titles = [(n.get(iati.XML_LANG), n.text) for n in second.iterfind("title/narrative")]
    assert titles == [(None, "Regional workshops 12"), ("fr", "Ateliers"), ("zh", "区域讲习班")]  # IATI's "zh"
    assert second.find("recipient-region").get("code") == "AFR"


def test_the_reporting_org_is_a_setting(settings, programme):
    settings.IATI_REPORTING_ORG_REF = "XI-TEST-1"
    assert "<iati-identifier>XI-TEST-1-POW-2026-2027-11</iati-identifier>" in export()


def test_the_money_is_published_as_totals_per_activity_never_pledge_by_pledge(schema, admin, programme):
    """One rule (issue 18.10, docs/api.md): the public sees the totals per activity and the donors' names, as the
    contributions table shows them; each pledge's donor, date and amount are the Secretariat's."""
    from tahub.funding.models import Donor, Pledge, PledgeEntry, TrustFund

    day, later = datetime.date(2026, 3, 1), datetime.date(2026, 5, 17)
    for name, amount, rate, pledged_on in (("A foundation", "100000", "1.08", day), ("Norway", "5000", "1", later)):
        donor = Donor.objects.create(kind="other", name=name)
        pledge = Pledge.objects.create(
            donor=donor, trust_fund=TrustFund.objects.get(code="SV"), activity=programme[0],
            currency="EUR" if rate != "1" else "USD", amount=Decimal(amount), rate_to_usd=Decimal(rate),
            rate_date=pledged_on, pledged_on=pledged_on,
        )  # fmt: skip
        if name == "A foundation":
            for kind, value in (("commitment", "100000"), ("receipt", "40000")):
                PledgeEntry.objects.create(pledge=pledge, kind=kind, date=day, amount=Decimal(value),
                                           rate_to_usd=Decimal("1.08"), rate_date=day)  # fmt: skip
    text = export()
    schema.assertValid(etree.fromstring(text.encode()))
    first = next(a for a in ET.fromstring(text) if a.findtext("iati-identifier").endswith("2026-2027-11"))
    transactions = [
        (t.find("transaction-type").get("code"), t.find("transaction-date").get("iso-date"), t.findtext("value"),
         t.find("value").get("currency"))
        for t in first.iter("transaction")
    ]  # fmt: skip
    assert transactions == [
        ("13", "2026-05-17", "113000.00", "USD"),  # 100,000 EUR × 1.08 + 5,000 USD, dated by the latest pledge
        ("11", "2026-03-01", "108000.00", "USD"),
        ("1", "2026-03-01", "43200.00", "USD"),
    ]
    assert first.find(".//transaction/provider-org") is None  # no pledge is told donor by donor
    assert ">100000.00<" not in text and ">5000.00<" not in text  # no pledge's own amount
    funders = {p.findtext("narrative") for p in first.iter("participating-org") if p.get("role") == "1"}
    assert funders == {"A foundation", "Norway"}  # named, as on the public contributions table


def test_the_permission_layer_states_the_same_rule():
    import rules
    from django.contrib.auth.models import AnonymousUser

    from tahub.core.rules import REASONS

    assert not rules.has_perm("funding.view_pledge", AnonymousUser())
    assert "the public sees totals" in str(REASONS["funding.view_pledge"])


def test_every_theme_has_a_sector_code_from_the_codelist():
    from tahub.vocabularies.models import Theme

    mapping = iati.sector_map()
    assert set(Theme.objects.values_list("slug", flat=True)) <= set(mapping)
    assert set(mapping.values()) <= codes("Sector")


@pytest.mark.parametrize("count", [3, 60])
def test_the_export_costs_a_fixed_number_of_queries_per_chunk(admin, django_assert_max_num_queries, count):
    _plan, _objective, biennium = plan_2026(admin)
    for n in range(1, count + 1):
        activity(admin, biennium, n)
    with django_assert_max_num_queries(12):  # one chunk: activities, then one query per prefetched relation
        assert "".join(iati.activities_xml(chunk_size=100)).count("<iati-activity ") == count + 3


def test_the_public_url_streams_the_file(client, programme):
    response = client.get("/iati/activities.xml")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("application/xml")
    assert b'<iati-activities version="2.03"' in b"".join(response.streaming_content)


def test_the_command_writes_the_file(programme, tmp_path):
    call_command("export_iati", "--output", str(tmp_path / "a.xml"), stderr=StringIO())
    assert (tmp_path / "a.xml").read_text().count("<iati-activity ") == 5


def test_the_activity_speaks_english_whatever_language_the_export_is_asked_in(programme):
    """The activity's default language is English (xml:lang="en"): its first title narrative is the English one
    even when the export runs in French (`title` would read the French column)."""
    with translation.override("fr"):
        document = ET.fromstring(export())
    second = next(a for a in document if a.findtext("iati-identifier").endswith("2026-2027-12"))
    assert second.get(iati.XML_LANG) == "en"
    assert second.find("title/narrative").text == "Regional workshops 12"
    languages = [n.get(iati.XML_LANG) for n in second.iterfind("title/narrative")]
    assert languages == [None, "fr", "zh"] and set(languages[1:]) <= codes("Language")
