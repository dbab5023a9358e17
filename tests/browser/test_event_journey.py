"""A Party's contact point nominates a participant; staff accept and mark attendance; the participant
downloads the certificate from their private link."""

from tahub.events.models import Registration
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in
from tests.events.conftest import PDF, make_event


def test_nominate_accept_attend_certificate(page, tmp_path):
    event = make_event()
    cast.contact_point("contact@ken.example", "KEN")
    cast.staff("admin@secretariat.example")
    letter = tmp_path / "letter.pdf"
    letter.write_bytes(PDF)

    page.goto("/events/")
    assert_accessible(page)
    sign_in(page, "contact@ken.example")
    page.goto(event.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("link", name="Nominate participants for Kenya").click()
    page.get_by_label("Full name").fill("Amina Odhiambo")
    page.get_by_label("E-mail address").fill("amina@ken.example")
    page.get_by_label("Nomination letter").set_input_files(str(letter))
    page.get_by_role("button", name="Send the nomination").click()
    assert "Nomination sent" in page.locator(".messages").inner_text()
    assert_accessible(page)
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto(f"/staff/events/{event.slug}/")
    page.get_by_role("button", name="Accept: Amina Odhiambo").click()
    assert "Amina Odhiambo: done." in page.locator(".messages").inner_text()
    page.get_by_label("Amina Odhiambo attended").check()
    page.get_by_role("button", name="Save attendance").click()
    assert "1 present" in page.locator(".messages").inner_text()
    assert_accessible(page)
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    registration = Registration.objects.get()
    page.goto(registration.get_absolute_url())
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your certificate of participation (PDF)").click()
    assert download.value.suggested_filename == f"certificate-{event.slug}.pdf"


def test_staff_create_an_event_and_add_a_material(page, tmp_path):
    cast.staff("admin@secretariat.example")
    agenda = tmp_path / "agenda.pdf"
    agenda.write_bytes(PDF)
    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto("/staff/events/new/")
    assert_accessible(page)
    page.get_by_label("Code").fill("sites-briefing")
    page.get_by_label("Kind").select_option("briefing")
    page.get_by_label("Title (English)").fill("Contaminated sites")
    page.get_by_label("Time zone of the event").fill("Pacific/Auckland")
    page.get_by_label("Starts (local time of the event)").fill("2030-07-16T09:00")
    page.get_by_label("Ends (local time of the event)").fill("2030-07-16T08:00")  # a mistake: before it starts
    page.locator("#id_mode").select_option("online")
    page.locator("#id_capacity").fill("100")
    page.locator("#id_registration_mode").select_option("open")
    page.get_by_label("Registration deadline").fill("2030-07-10")
    page.get_by_role("button", name="Save the event").click()
    assert "The event must end after it starts" in page.content()
    assert_accessible(page)
    page.get_by_label("Ends (local time of the event)").fill("2030-07-16T12:00")
    page.get_by_role("button", name="Save the event").click()
    assert "Event saved." in page.locator(".messages").inner_text()
    page.get_by_role("link", name="Materials").click()
    page.get_by_label("Kind").select_option("document")
    page.get_by_label("Title").fill("Agenda")
    page.get_by_label("File").set_input_files(str(agenda))
    page.get_by_role("button", name="Add", exact=True).click()
    assert "Material added." in page.locator(".messages").inner_text()
    assert_accessible(page)


def test_cancelling_an_event_asks_first_without_javascript(page_without_js):
    """Cancelling tells everyone registered and cannot be undone: a confirmation page, a red button."""
    page = page_without_js
    event = make_event()
    cast.staff("admin@secretariat.example")
    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto(f"/staff/events/{event.slug}/")
    button = page.get_by_role("button", name="Cancel the event…")
    assert "button-danger" in button.get_attribute("class")
    button.click()
    assert page.get_by_role("heading", level=1).inner_text() == f"Cancel the event “{event.title}”?"
    assert_accessible(page)
    page.get_by_role("link", name="No, keep it").click()
    event.refresh_from_db()
    assert event.state == "published"
    page.get_by_role("button", name="Cancel the event…").click()
    page.get_by_role("button", name="Yes, cancel the event").click()
    event.refresh_from_db()
    assert event.state == "cancelled"
    assert "Cancelled" in page.locator(".status").inner_text()
