import shutil
from io import StringIO

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
