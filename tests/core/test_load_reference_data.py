import csv
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from tahub.centres.models import RegionalCentre
from tahub.parties.models import Country, Eligibility, Party
from tahub.planning.models import Decision
from tahub.vocabularies.models import AssistanceType, Chemical, Theme

pytestmark = pytest.mark.django_db


@pytest.fixture
def data_dir(tmp_path):
    """A private copy of the reference files, to edit without touching the repository."""
    target = tmp_path / "data"
    shutil.copytree(settings.REFERENCE_DATA_DIR, target, ignore=shutil.ignore_patterns("tools"))
    return target


def load(directory):
    out = StringIO()
    call_command("load_reference_data", "--dir", str(directory), stdout=out)
    return out.getvalue()


def test_reference_data_is_loaded_in_full():
    assert Party.objects.filter(convention__code="SC").count() == 185
    assert Country.objects.get(iso3="BRA").region.code == "GRULAC"
    assert Country.objects.get(iso3="UKR").eligibility == Eligibility.TRANSITION
    assert Country.objects.get(iso3="EUU").region is None
    assert RegionalCentre.objects.count() == 17
    assert Decision.objects.get(number="SC-1/15").title == "Technical assistance"
    assert Chemical.objects.get(slug="aldrin").annexes == "A"
    assert Theme.objects.get(slug="nip").cluster.slug == "convention-specific"
    assert AssistanceType.objects.count() == 12


def test_second_run_changes_nothing(data_dir):
    history_before = Party.history.count()
    output = load(data_dir)
    assert " 0 created, 0 updated" in output
    assert "updated" in output and all(", 0 updated" in line for line in output.splitlines())
    assert Party.history.count() == history_before


def test_edited_file_updates_its_row_and_records_history(data_dir):
    path = data_dir / "decisions.csv"
    path.write_text(
        path.read_text().replace(
            "SC-1/15,SC,COP-1,2005,Technical assistance,", "SC-1/15,SC,COP-1,2005,Technical assistance (rev),"
        )
    )
    output = load(data_dir)
    decision = Decision.objects.get(number="SC-1/15")
    assert decision.title == "Technical assistance (rev)"
    assert "decisions.csv → planning.Decision: 0 created, 1 updated" in output
    assert decision.history.first().history_change_reason == "reference.loaded"
    assert decision.history.first().prev_record.title == "Technical assistance"


def test_malformed_file_names_file_line_and_changes_nothing(data_dir):
    # A valid edit early in the run, then a bad date later: the whole run must roll back.
    regions = data_dir / "regions.csv"
    regions.write_text(regions.read_text().replace("African States", "African Group"))
    parties = data_dir / "stockholm_parties.csv"
    lines = parties.read_text().splitlines()
    lines[3] = lines[3].replace("2004-10-04", "2004-13-45")
    parties.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError) as excinfo:
        load(data_dir)
    assert str(excinfo.value).startswith("stockholm_parties.csv:4: action_date: '2004-13-45' is not a date")
    assert "nothing was changed" in str(excinfo.value)
    assert Country.objects.get(iso3="AGO").region.name == "African States"


def test_unknown_reference_names_the_column(data_dir):
    path = data_dir / "un_regional_groups.csv"
    path.write_text(path.read_text().replace("AGO,Angola,AFR", "AGO,Angola,AFRICA"))
    with pytest.raises(CommandError, match=r"un_regional_groups.csv:3: group: unknown UN regional group 'AFRICA'"):
        load(data_dir)


def test_missing_column_is_reported_on_line_one(data_dir):
    path = data_dir / "themes.csv"
    path.write_text(path.read_text().replace("slug,name,cluster", "slug,title,cluster", 1))
    with pytest.raises(CommandError, match=r"themes.csv:1: missing columns: name"):
        load(data_dir)


def test_secretariat_override_survives_a_reload(data_dir):
    country = Country.objects.get(iso3="CHL")
    country.eligibility_override = Eligibility.DEVELOPING
    country.eligibility_override_reason = "Decision of the Bureau"
    country.save()
    load(data_dir)
    country.refresh_from_db()
    assert country.eligibility == Eligibility.DEVELOPING
    assert country.eligibility_override_reason == "Decision of the Bureau"


# The row counts the PROVENANCE files (and the README's table) state, in the convention the README defines:
# a file name, then " — N rows", " (N rows" or ": N rows".
STATED_COUNT = re.compile(r"`?([\w-]+\.csv)`?(?: —|:| \() ?([\d,]+) rows?\b")
README_ROW = re.compile(r"^\| ([\w-]+\.csv) \| ([\d,]+) \|", re.MULTILINE)


def _data_rows(path):
    with path.open(encoding="utf-8", newline="") as handle:
        return sum(1 for _row in csv.DictReader(handle))


def _stated_counts():
    data = Path(settings.REFERENCE_DATA_DIR)
    for document in [*sorted(data.glob("PROVENANCE-*.md")), data / "README.md"]:
        text = document.read_text(encoding="utf-8")
        for name, count in [*STATED_COUNT.findall(text), *README_ROW.findall(text)]:
            yield document.name, name, int(count.replace(",", ""))


def test_every_row_count_stated_in_the_provenance_files_is_the_files_count():
    data = Path(settings.REFERENCE_DATA_DIR)
    stated = list(_stated_counts())
    wrong = [(doc, name, count, _data_rows(data / name)) for doc, name, count in stated
             if count != _data_rows(data / name)]  # fmt: skip
    assert wrong == []
    # The convention is in use: each PROVENANCE file that describes CSV files states their counts.
    assert {"decisions.csv", "meetings.csv", "trust_funds.csv", "stockholm_parties.csv", "themes.csv",
            "partners.csv", "ta_plans.csv"} <= {name for _doc, name, _count in stated}  # fmt: skip


def test_the_decisions_listed_per_verification_status_are_the_files():
    data = Path(settings.REFERENCE_DATA_DIR)
    text = (data / "PROVENANCE-programme.md").read_text(encoding="utf-8")
    with (data / "decisions.csv").open(encoding="utf-8", newline="") as handle:
        in_file = {}
        for row in csv.DictReader(handle):
            in_file.setdefault(row["verified"], set()).add(row["number"])
    for status, count, listed in re.findall(r"`(yes|partial|no)` = [^(]*\((\d+): ([^)]*)\)", text):
        numbers = set(re.findall(r"SC-\d+/\d+", listed.split(" — ")[0]))
        assert (int(count), numbers) == (len(in_file[status]), in_file[status]), status
