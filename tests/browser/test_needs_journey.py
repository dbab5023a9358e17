"""A Party's contact point answers the needs questionnaire in the browser: a refused submission names what is
missing; a complete one is submitted and shown read-only."""

import datetime

from django.utils import timezone

from tahub.needs import services
from tahub.needs.models import Response
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in
from tests.needs import world


def test_contact_point_answers_and_submits(page):
    cast.contact_point("contact@ken.example", "KEN")
    admin = cast.staff("admin@secretariat.example")
    cycle = services.open_cycle(
        by=admin, slug="needs-2026", title="Needs assessment 2026", period="2026-2029",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=world.questionnaire(),
    )  # fmt: skip

    sign_in(page, "contact@ken.example")
    page.goto(f"/needs/{cycle.slug}/parties/KEN/")
    assert page.locator("h1").inner_text() == "Needs assessment 2026: Kenya"
    assert_accessible(page)
    page.get_by_label("National implementation plans (development review and update): level of need").select_option(
        "high"
    )
    page.get_by_role("button", name="Submit").click()
    assert "Answer this question" in page.content()  # incomplete: each missing question is named
    assert_accessible(page)

    for select in page.locator("select[name$='-level']").all():
        select.select_option("medium")
    page.get_by_role("button", name="Submit").click()
    assert "Submitted. Thank you." in page.content()
    assert Response.objects.get(party__country__iso3="KEN").state == Response.State.SUBMITTED
    assert page.get_by_role("button", name="Submit").count() == 0
    assert_accessible(page)
