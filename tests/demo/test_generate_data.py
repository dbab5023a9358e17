from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings

from tahub.demo.generators import BENCH_SCALE, CHANGE_REASON, REFERENCE_MISSING, SCALE, count_for, generate
from tahub.directory.models import Organisation
from tahub.parties.models import Party

pytestmark = pytest.mark.django_db

FIELDS = ("slug", "name", "short_name", "kind", "roles", "summary", "website", "country__iso3", "source")


def generated(seed):
    return list(Organisation.objects.filter(slug__startswith=f"gen{seed}-").order_by("slug").values_list(*FIELDS))


def test_same_seed_gives_the_same_data():
    with transaction.atomic():  # generate, look, and roll it all back (every family, whatever refers to what)
        call_command("generate_data", "--scale", "1", "--seed", "7", stdout=StringIO())
        first = generated(7)
        transaction.set_rollback(True)
    assert not generated(7)

    call_command("generate_data", "--scale", "1", "--seed", "7", stdout=StringIO())

    assert generated(7) == first
    assert len(first) == SCALE["organisations"].per_scale


def test_another_seed_gives_other_data():
    generate(scale=1, seed=7)
    generate(scale=1, seed=8)
    names_7 = [row[1] for row in generated(7)]
    names_8 = [row[1] for row in generated(8)]
    assert len(names_8) == len(names_7) == 50
    assert names_7 != names_8


def test_second_run_creates_nothing():
    generate(scale=1, seed=3)
    before = Organisation.history.filter(history_change_reason=CHANGE_REASON).count()

    report = generate(scale=1, seed=3)

    assert report[:2] == [("organisations", 50, 0), ("requests", 40, 0)]
    assert [created for _family, _wanted, created in report] == [0] * len(report)
    assert Organisation.history.filter(history_change_reason=CHANGE_REASON).count() == before == 50


def test_demo_scale_is_a_prefix_of_a_larger_scale():
    generate(scale=1, seed=5)
    demo = generated(5)

    report = generate(scale=2, seed=5)

    assert report[:2] == [("organisations", 100, 50), ("requests", 1000, 960)]
    assert generated(5)[:50] == demo


def test_organisations_have_kinds_and_countries_of_the_reference_data():
    generate(scale=1, seed=1)
    orgs = Organisation.objects.filter(slug__startswith="gen1-")
    assert orgs.filter(country=None).count() == 0
    assert orgs.values("kind").distinct().count() >= 4
    assert set(orgs.values_list("kind", flat=True)) <= set(Organisation.Kind.values)


def test_benchmark_scale_gives_five_thousand_organisations_and_fifty_thousand_requests():
    assert count_for("organisations", BENCH_SCALE) == 5000
    assert count_for("requests", BENCH_SCALE) == 50000


def test_demo_scale_gives_a_few_dozen_requests():
    assert count_for("requests", 1) == 40


def test_generate_without_reference_data_fails_and_writes_nothing():
    Party.objects.all().delete()
    with pytest.raises(CommandError, match="load_reference_data"):
        call_command("generate_data", stdout=StringIO())
    assert REFERENCE_MISSING.startswith("Reference data is not loaded")
    assert Organisation.objects.filter(slug__startswith="gen").count() == 0


def test_generate_refused_outside_demo_mode():
    with override_settings(DEMO_MODE=False), pytest.raises(CommandError, match="not in demo mode"):
        call_command("generate_data", stdout=StringIO())
    assert Organisation.objects.filter(slug__startswith="gen").count() == 0


@pytest.mark.parametrize("scale", ["0", "-1", "many"])
def test_bad_scale_is_refused(scale):
    with pytest.raises(CommandError, match="--scale"):
        call_command("generate_data", "--scale", scale, stdout=StringIO())
