"""The demo data links a few regional centres' activities to the programme activities they deliver, so the
programme activity pages show what delivered them; generating again adds none."""

import pytest
from django.utils.html import escape

from tahub.centres.models import Activity
from tahub.demo.generators import generate
from tahub.demo.planning import DELIVERING_CENTRES, FIRST_YEAR

pytestmark = pytest.mark.django_db


def test_demo_centre_activities_deliver_the_first_programme_activities(client):
    generate(scale=1, seed=1)
    linked = Activity.objects.exclude(programme_activity=None).select_related("programme_activity__biennium")
    assert linked.count() == 2 * DELIVERING_CENTRES
    assert {(a.programme_activity.biennium.start_year, a.programme_activity.number) for a in linked} == {
        (FIRST_YEAR, n) for n in range(1, 2 * DELIVERING_CENTRES + 1)
    }
    body = client.get(f"/plan/programme/{FIRST_YEAR}/1/").content.decode()
    first = linked.get(programme_activity__number=1, programme_activity__biennium__start_year=FIRST_YEAR)
    assert "Centre activities (1)" in body and escape(first.title) in body

    generate(scale=1, seed=1)
    assert Activity.objects.exclude(programme_activity=None).count() == 2 * DELIVERING_CENTRES
