"""Past "Admitted": the Secretariat opens a COP meeting to observers on its pages (no admin), and the admitted
body's focal point, landing on the observers page, follows the link to register a representative for it."""

import datetime
from pathlib import Path

from django.utils import timezone

from tahub.observers.models import FocalPoint, ObserverMeeting, Registration
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_observer_application import sign_in
from tests.browser.test_observer_representatives import register
from tests.observers.conftest import PDF, PNG, make_ngo


def test_staff_open_a_meeting_and_the_focal_point_registers_for_it(page_without_js, tmp_path: Path):
    page = page_without_js
    ngo = make_ngo()
    focal_point = cast.member("focal@green.example.org", ngo)
    FocalPoint.objects.create(user=focal_point, organisation=ngo)
    cast.staff("s@secretariat.example")
    today = timezone.localdate()

    sign_in(page, "s@secretariat.example", totp=True)
    page.goto("/staff/observers/")
    page.get_by_role("link", name="Open a meeting to observers").click()
    assert_accessible(page)
    page.locator("#id_code").fill("cop-14")
    page.locator("#id_title").fill("Fourteenth meeting of the Conference of the Parties")
    page.locator("#id_city").fill("Geneva")
    page.locator("#id_start").fill((today + datetime.timedelta(days=90)).isoformat())
    page.locator("#id_end").fill((today + datetime.timedelta(days=80)).isoformat())  # a slip: before the start
    page.locator("#id_registration_deadline").fill((today + datetime.timedelta(days=60)).isoformat())
    page.get_by_role("button", name="Save the meeting").click()
    assert "The meeting must end on or after its first day" in page.content()
    assert_accessible(page)
    page.locator("#id_end").fill((today + datetime.timedelta(days=100)).isoformat())
    page.get_by_role("button", name="Save the meeting").click()
    assert "Meeting saved" in page.locator(".messages").inner_text()
    assert ObserverMeeting.objects.get().history.first().history_change_reason == "observers.meeting.created"
    page.context.clear_cookies()

    photo, letter = tmp_path / "badge.png", tmp_path / "letter.pdf"
    photo.write_bytes(PNG)
    letter.write_bytes(PDF)
    sign_in(page, "focal@green.example.org")
    page.goto("/observers/")
    assert_accessible(page)
    link = page.get_by_role("link", name="Register representatives for Fourteenth meeting of the Conference")
    url = link.get_attribute("href")
    assert url == f"/observers/meetings/cop-14/{ngo.slug}/"
    register(page, url, "Ana Pereira", photo, letter, "Register")
    assert "The representative is registered." in page.locator(".messages").inner_text()
    assert Registration.objects.get().state == Registration.State.APPROVED
