"""Decision paragraphs, the plan and the programme of work: reference data, services, pages and their cost."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command

from tahub.planning import services
from tahub.planning.models import DecisionParagraph, ProgrammeActivity
from tests.accounts import cast
from tests.api.stale_messages import stale_pattern

from .factories import activity, paragraph, plan_2026

pytestmark = pytest.mark.django_db


def test_reference_data_loads_only_sourced_paragraphs_with_blank_text():
    para = paragraph("SC-5/20", "8")
    assert para.asks_for_assistance and para.text_en == "" and "seed 003" in para.notes
    assert set(DecisionParagraph.objects.filter(decision__number="SC-2/16").values_list("number", flat=True)) == {
        "5",
        "6",
        "7",
    }
    assert not DecisionParagraph.objects.exclude(text_en="").exists()  # no text was invented


def test_reference_data_has_the_activities_the_seed_proposal_cites():
    numbers = ProgrammeActivity.objects.filter(biennium__start_year=2012).values_list("number", flat=True)
    assert sorted(numbers) == [11, 12, 33]
    assert ProgrammeActivity.objects.get(biennium__start_year=2012, number=11).conventions.get().code == "SC"


def test_loading_again_changes_nothing_and_keeps_a_title_staff_typed(admin):
    activity11 = ProgrammeActivity.objects.get(biennium__start_year=2012, number=11)
    services.update_activity(activity11, by=admin, data={"title": "Typed by staff"}, version=0)
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    assert "programme_activities.csv → planning.ProgrammeActivity: 0 created, 0 updated, 3 unchanged" in out.getvalue()
    assert ProgrammeActivity.objects.get(pk=activity11.pk).title == "Typed by staff"


def test_staff_create_an_activity_with_its_legal_basis_and_history(admin):
    _plan, objective, biennium = plan_2026(admin)
    created = activity(admin, biennium, 11, objective=objective)
    assert list(created.legal_basis.all()) == [paragraph()]
    assert created.approved_budget == Decimal("1190000.00")
    assert created.history.first().history_change_reason == "planning.activity.created"


def test_only_the_secretariat_writes_the_programme():
    focal_point = cast.contact_point("kenya@example.org", cast.PARTY_A)
    with pytest.raises(PermissionDenied):
        services.create_plan(by=focal_point, data={"start_year": 2026, "end_year": 2029, "title": "x"})


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"conventions": []}, "conventions"),
        ({"title": "  "}, "title"),
        ({"approved_budget": Decimal("-1")}, "approved_budget"),
        ({"number": 0}, "number"),
    ],
)
def test_bad_activity_input_is_refused_beside_its_field(admin, extra, field):
    _plan, _objective, biennium = plan_2026(admin)
    with pytest.raises(ValidationError) as error:
        activity(admin, biennium, extra.pop("number", 5), **extra) if "number" not in extra else activity(
            admin, biennium, **extra
        )
    assert field in error.value.message_dict
    assert not ProgrammeActivity.objects.filter(biennium=biennium).exists()


def test_a_number_is_unique_within_its_biennium(admin):
    _plan, _objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11)
    with pytest.raises(ValidationError):
        activity(admin, biennium, 11)


def test_an_objective_of_another_plan_is_refused(admin):
    _plan, _objective, biennium = plan_2026(admin)
    other = services.create_plan(by=admin, data={"start_year": 2030, "end_year": 2033, "title": "Next plan"})
    foreign = services.create_objective(by=admin, data={"plan": other, "number": 1, "title": "Other"})
    with pytest.raises(ValidationError) as error:
        activity(admin, biennium, 3, objective=foreign)
    assert "objective" in error.value.message_dict


def test_an_edit_on_a_stale_version_is_refused(admin):
    _plan, _objective, biennium = plan_2026(admin)
    created = activity(admin, biennium, 11)
    services.update_activity(created, by=admin, data={"status": "completed"}, version=0)
    with pytest.raises(ValidationError, match=stale_pattern("programme activity")):
        services.update_activity(created, by=admin, data={"status": "cancelled"}, version=0)
    assert ProgrammeActivity.objects.get(pk=created.pk).status == "completed"


def test_the_plan_is_four_years_and_a_biennium_two(admin):
    with pytest.raises(ValidationError):
        services.create_plan(by=admin, data={"start_year": 2026, "end_year": 2028, "title": "Three years"})
    with pytest.raises(ValidationError):
        services.create_biennium(by=admin, data={"start_year": 2026, "end_year": 2028})
