"""The admin finds an event by its title in any of the six languages, not only English and French."""

import pytest

from tests.accounts import cast
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("title", ["Taller sobre los PCB", "ورشة عمل", "多氯联苯讲习班"])
def test_the_admin_finds_an_event_by_its_title_in_any_language(client, title):
    administrator = cast.staff("admin@secretariat.example")
    administrator.is_superuser = True
    administrator.save()
    cast.sign_in(client, administrator, second_factor=True)
    field = {"Taller sobre los PCB": "title_es", "ورشة عمل": "title_ar", "多氯联苯讲习班": "title_zh_hans"}[title]
    make_event("pcb-workshop", **{field: title})
    make_event("other-workshop")

    page = client.get("/admin/events/event/", {"q": title}).content.decode()

    assert "pcb-workshop" in page and "other-workshop" not in page
