"""Staff read a request's audit trail in the browser: from the request's page to its history, where each change
reads as what happened (the reason's label), by whom, and which fields moved from what to what."""

from tahub.assistance import services
from tests.accounts import cast
from tests.assistance.conftest import complete_data
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in

FOCAL = "afr@secretariat.example"


def test_staff_read_a_request_history_in_words(page):
    contact = cast.contact_point("contact@ken.example", cast.PARTY_A)
    cast.staff(FOCAL, cast.StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    draft = services.create_request(party=cast.party(cast.PARTY_A), by=contact, data=complete_data())
    request = services.submit_request(draft, by=contact)

    sign_in(page, FOCAL, totp=True)
    page.goto(f"/requests/{request.reference}/")
    page.get_by_role("button", name="Acknowledge and start the review").click()
    page.get_by_role("link", name="Every change to this request, field by field").click()

    assert page.url.endswith(f"/staff/history/assistance/tarequest/{request.pk}/")
    rows = page.locator("table.history tbody tr")
    assert rows.count() == 3
    review, submission, creation = (rows.nth(i) for i in range(3))
    assert review.locator(".history-reason").inner_text() == "Acknowledged: the Secretariat started the review"
    assert FOCAL in review.inner_text()
    assert "Status: Submitted → Under review" in review.inner_text()
    assert submission.locator(".history-reason").inner_text() == "Submitted by the Party"
    assert "contact@ken.example" in submission.inner_text()
    changes = submission.locator(".history-changes li").all_inner_texts()
    assert "Status: Draft → Submitted" in changes
    assert f"Handled by: — → {FOCAL}" in changes
    assert creation.locator(".history-reason").inner_text() == "Draft saved by the Party"
    assert "assistance.request." not in page.content()
    assert_accessible(page)
