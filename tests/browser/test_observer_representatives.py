"""An admitted body's focal point registers a representative (name, function, badge photo, nomination letter) and
approves one a member proposed; the Secretariat sees both in the list of admitted observers and its export."""

from pathlib import Path

from tahub.observers.models import FocalPoint, Registration
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_observer_application import sign_in
from tests.observers.conftest import PDF, PNG, make_meeting, make_ngo


def register(page, url, name, photo, letter, button):
    page.goto(url)
    page.get_by_label("Full name").fill(name)
    page.get_by_label("Function").fill("Policy adviser")
    page.get_by_label("Photo for the badge").set_input_files(str(photo))
    page.get_by_label("Nomination letter").set_input_files(str(letter))
    page.get_by_role("button", name=button).click()


def test_focal_point_registers_and_approves_staff_see_them(page, tmp_path: Path):
    meeting, ngo = make_meeting(), make_ngo()
    focal_point = cast.member("focal@green.example.org", ngo)
    FocalPoint.objects.create(user=focal_point, organisation=ngo)
    cast.member("member@green.example.org", ngo)
    cast.staff("s@secretariat.example")
    photo, letter = tmp_path / "badge.png", tmp_path / "letter.pdf"
    photo.write_bytes(PNG)
    letter.write_bytes(PDF)
    url = f"/observers/meetings/{meeting.code}/{ngo.slug}/"

    # A member proposes; the focal point is asked to approve.
    sign_in(page, "member@green.example.org")
    register(page, url, "Bo Li", photo, letter, "Propose to the focal point")
    assert "The representative is registered." in page.locator(".messages").inner_text()
    assert "Awaiting the focal point" in page.locator("table").inner_text()
    page.context.clear_cookies()

    # The focal point registers one representative (approved at once) and approves the member's proposal.
    sign_in(page, "focal@green.example.org")
    register(page, url, "Ana Pereira", photo, letter, "Register")
    assert_accessible(page)
    page.get_by_role("row", name="Bo Li").get_by_role("button", name="Approve").click()
    assert "Done" in page.locator(".messages").inner_text()
    assert_accessible(page)
    assert set(Registration.objects.values_list("name", "state")) == {
        ("Ana Pereira", "approved"),
        ("Bo Li", "approved"),
    }
    photo_link = page.get_by_role("link", name="Photo of Ana Pereira")
    assert page.request.get(photo_link.get_attribute("href")).body().startswith(b"\x89PNG")
    page.context.clear_cookies()

    # The Secretariat sees both in the list of admitted observers at the meeting, and in the CSV export.
    sign_in(page, "s@secretariat.example", totp=True)
    page.goto(f"/staff/observers/meetings/{meeting.code}/")
    table = page.locator("table").inner_text()
    assert "Green Chemistry Watch" in table and "Admitted" in table
    assert "Ana Pereira, Policy adviser" in table and "Bo Li, Policy adviser" in table
    assert page.get_by_role("link", name="Nomination letter of Bo Li").is_visible()
    assert_accessible(page)
    csv = page.request.get(f"/staff/observers/meetings/{meeting.code}/?export=csv").text()
    assert "Green Chemistry Watch,Non-governmental organisation,Uganda,Admitted,Ana Pereira,Policy adviser" in csv
    assert ",Bo Li,Policy adviser," in csv
