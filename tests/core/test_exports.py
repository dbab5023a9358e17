"""One escaping function for every spreadsheet cell (issue 18.8) and real dates in XLSX (issue 17.11), tested on
the function and on each export that writes CSV or XLSX through tahub.core.exports."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from tahub.assistance import services
from tahub.core.exports import ListExporter, spreadsheet_safe
from tahub.observers.exporters import MeetingObserverExporter
from tahub.parties.models import Convention
from tahub.planning.models import ProgrammeActivity
from tahub.vocabularies.models import AssistanceType, Theme
from tests.accounts import cast

FORMULAS = ['=HYPERLINK("http://x")', "+1+2", "-3+4", "@SUM(A1)", "\t=1+1", "\r=1+1"]


@pytest.mark.parametrize("text", FORMULAS)
def test_text_starting_like_a_formula_is_escaped(text):
    assert spreadsheet_safe(text) == "'" + text


def test_numbers_dates_and_plain_text_stay_what_they_are():
    day = datetime.date(2026, 3, 1)
    assert spreadsheet_safe(-5) == -5 and spreadsheet_safe(Decimal("-1.50")) == Decimal("-1.50")
    assert spreadsheet_safe(2.5) == 2.5 and spreadsheet_safe(None) is None
    assert spreadsheet_safe(day) == day
    assert spreadsheet_safe("Kenya") == "Kenya" and spreadsheet_safe("a=b") == "a=b"
    assert spreadsheet_safe(gettext_lazy("yes")) == "yes"


class _Donor:
    def __str__(self):
        return "=Donor"


def test_an_object_is_written_as_its_escaped_text():
    assert spreadsheet_safe(_Donor()) == "'=Donor"


def test_an_aware_datetime_becomes_local_time_without_its_zone(settings):
    settings.TIME_ZONE = "Europe/Paris"
    moment = datetime.datetime(2026, 7, 1, 10, 0, tzinfo=datetime.UTC)
    assert spreadsheet_safe(moment) == datetime.datetime(2026, 7, 1, 12, 0)


class _Table(ListExporter):
    filename = "table"

    def header(self):
        return ["Text", "When", "Amount"]

    def rows(self):
        yield ["\t=cmd|' /C calc'!A0", datetime.date(2026, 1, 2), Decimal("12.50")]
        yield ["\r@SUM(1)", timezone.make_aware(datetime.datetime(2026, 1, 2, 3, 4, 5)), None]


def test_list_exporter_escapes_csv_cells_and_writes_iso_dates():
    content = b"".join(_Table().response("csv").streaming_content).decode()
    assert content.splitlines()[1] == "'\t=cmd|' /C calc'!A0,2026-01-02,12.50"
    assert '"\'\r@SUM(1)",2026-01-02 03:04:05,' in content


def test_list_exporter_writes_real_dates_and_numbers_in_xlsx():
    rows = list(load_workbook(io.BytesIO(_Table().response("xlsx").content)).active.values)
    assert rows[1] == ("'\t=cmd|' /C calc'!A0", datetime.datetime(2026, 1, 2), 12.5)
    assert rows[2] == ("'\r@SUM(1)", datetime.datetime(2026, 1, 2, 3, 4, 5), None)


@pytest.fixture
def queue(client, db):
    """A submitted request whose title starts with TAB and description with CR, and the admin who sees the queue."""
    contact = cast.contact_point("contact@ken.example", "KEN")
    cast.staff("afr@secretariat.example", cast.StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    data = {
        "title": '\t=HYPERLINK("http://evil.example")',
        "description": "We need help to build a national inventory of PCB in transformers and capacitors.",
        "expected_results": "An inventory.",
        "themes": list(Theme.objects.filter(slug="inventories")),
        "assistance_types": list(AssistanceType.objects.filter(slug="training")),
        "conventions": list(Convention.objects.filter(code="SC")),
    }
    request = services.create_request(party=cast.party("KEN"), by=contact, data=data)
    request = services.submit_request(request, by=contact)
    cast.sign_in(client, cast.staff("admin@secretariat.example"), second_factor=True)
    return request


def test_queue_csv_escapes_a_title_starting_with_tab(client, queue):
    response = client.get("/requests/queue/", {"export": "csv"})
    lines = b"".join(response.streaming_content).decode().splitlines()
    header = lines[0].split(",")
    assert lines[1].startswith(f"{queue.reference},Kenya,AFR,\"'\t=HYPERLINK(")
    assert header[8] == "Submitted" and timezone.localdate().isoformat() in lines[1]


def test_queue_xlsx_escapes_a_title_starting_with_tab_and_writes_real_dates(client, queue):
    response = client.get("/requests/queue/", {"export": "xlsx"})
    rows = list(load_workbook(io.BytesIO(response.content)).active.values)
    assert rows[1][3] == '\'\t=HYPERLINK("http://evil.example")'
    assert rows[0][8] == "Submitted" and isinstance(rows[1][8], datetime.datetime)
    assert rows[1][8].date() == timezone.localdate()


def test_observers_export_escapes_names_and_writes_real_dates():
    approved = timezone.now()
    registration = SimpleNamespace(name="\r=1+1", function="@adviser", updated_at=approved)
    organisation = SimpleNamespace(pk=1, name="-NGO", get_kind_display=lambda: "NGO", country=None,
                                   representatives=[registration])  # fmt: skip
    exporter = MeetingObserverExporter(SimpleNamespace(code="cop-13"), [organisation], {1: "Admitted"})
    rows = list(load_workbook(io.BytesIO(exporter.response("xlsx").content)).active.values)
    assert rows[1][0] == "'-NGO" and rows[1][4:6] == ("'\r=1+1", "'@adviser")
    assert rows[1][6] == datetime.datetime.combine(timezone.localdate(approved), datetime.time())


@pytest.mark.django_db
def test_contributions_export_escapes_activity_titles(client):
    activity = ProgrammeActivity.objects.order_by("-biennium__start_year", "number", "pk").first()
    ProgrammeActivity.objects.filter(pk=activity.pk).update(title="\t=2+3")
    for fmt in ("csv", "xlsx"):
        response = client.get(f"/proposals/contributions.{fmt}")
        if fmt == "csv":
            assert ",'\t=2+3," in b"".join(response.streaming_content).decode()
        else:
            rows = list(load_workbook(io.BytesIO(response.content)).active.values)
            assert "'\t=2+3" in [row[2] for row in rows]
