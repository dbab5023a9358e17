"""core.compiled: a query compiled once per process, then only run with the real ids in the stand-ins' places."""

import pytest

from tahub.core import compiled
from tahub.parties.models import Country

pytestmark = pytest.mark.django_db


def by_region(region_id, first_id):
    return Country.objects.filter(region_id=region_id, pk__gte=first_id).order_by("iso3").values_list("iso3")


def test_the_rows_are_the_querys_for_each_value(django_assert_num_queries):
    kenya = Country.objects.get(iso3="KEN")
    brazil = Country.objects.get(iso3="BRA")
    for country in (kenya, brazil):
        with django_assert_num_queries(1):
            found = compiled.rows("test.by_region", by_region, country.region_id, 0)
        assert found == list(by_region(country.region_id, 0))
    assert compiled.rows("test.by_region", by_region, kenya.region_id, kenya.pk) == list(
        by_region(kenya.region_id, kenya.pk)
    )


def test_it_is_compiled_once():
    region, built = Country.objects.get(iso3="KEN").region_id, []
    build = lambda *stand_ins: built.append(stand_ins) or by_region(*stand_ins)  # noqa: E731

    first, again = compiled.rows("test.once", build, region, 0), compiled.rows("test.once", build, region, 0)

    assert first == again == list(by_region(region, 0))
    assert built == [compiled.STAND_INS[:2]]


def test_a_query_without_its_stand_in_is_refused():
    with pytest.raises(ValueError, match="stand-in"):
        compiled.rows("test.unused", lambda region_id: Country.objects.values_list("iso3"), 1)
