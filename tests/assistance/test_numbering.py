"""Request numbers come from a per-year counter (issue 19.8): integers, so 10,000 follows 9,999."""

import pytest
from django.utils import timezone

from tahub.assistance import services
from tahub.assistance.models import RequestCounter, TARequest

from .conftest import complete_data

pytestmark = pytest.mark.django_db


def test_numbering_goes_on_past_9999(party_a, contact_a):
    year = timezone.now().year
    first = services.create_request(party=party_a, by=contact_a, data=complete_data())
    second = services.create_request(party=party_a, by=contact_a, data=complete_data())
    TARequest.objects.filter(pk=first.pk).update(reference=f"TA-{year}-9999")
    TARequest.objects.filter(pk=second.pk).update(reference=f"TA-{year}-10000")
    RequestCounter.objects.all().delete()  # as after an import: the counter starts from the numbers given
    third = services.create_request(party=party_a, by=contact_a, data=complete_data())
    assert third.reference == f"TA-{year}-10001"  # max+1 over text took "9999" as the highest
    assert services.create_request(party=party_a, by=contact_a, data=complete_data()).reference == f"TA-{year}-10002"


def test_each_year_has_its_own_counter(party_a, contact_a):
    RequestCounter.objects.create(year=2031, last=41)
    assert services.next_reference(2031) == "TA-2031-0042"
    assert services.next_reference(2032) == "TA-2032-0001"
    assert RequestCounter.objects.get(year=2031).last == 42
