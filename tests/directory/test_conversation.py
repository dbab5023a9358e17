"""A listing request's conversation is messages (who, when, text, files), added by both sides and shown in
order on the reviewer's page, on the requester's private page and by the API."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.directory import services
from tahub.directory.models import ListingMessage
from tahub.parties.models import Country
from tests.accounts import cast

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def listing():
    return services.submit_listing_request(
        data={
            "name": "Lab Alliance",
            "kind": "research",
            "country": Country.objects.get(iso3="SEN"),
            "summary": "Analysis of POPs in breast milk.",
            "contact_name": "A. Diop",
            "contact_email": "diop@lab.example",
        },
        documents=[SimpleUploadedFile("proof.pdf", PDF)],
    )


def _headings(html):
    """The messages' headings (who, when) in page order, tags removed."""
    section = html.split('class="messages"', 1)[1].split("</ol>", 1)[0]
    return [re.sub(r"<[^>]+>|\s+", " ", h).strip() for h in re.findall(r"<h3[^>]*>(.*?)</h3>", section, re.S)]


def test_both_sides_add_messages_shown_in_order_with_who_when_and_files(client, listing):
    reviewer = cast.staff("reviewer@secretariat.example")
    reviewer.first_name, reviewer.last_name = "Ana", "Reviewer"
    reviewer.save()
    services.ask_listing_information(listing, by=reviewer, message="Send your statutes, please.")
    # The requester answers on the private page, without JavaScript: a plain form with a file.
    answer = {"answer": "Attached.", "documents": [SimpleUploadedFile("statutes.pdf", PDF)]}
    assert client.post(f"/directory/join/{listing.token}/", answer).status_code == 302
    services.reject_listing_request(listing, by=reviewer, reason="Not active on POPs.")

    said = [(m.author, m.from_applicant, m.text) for m in ListingMessage.objects.filter(listing_request=listing)]
    assert said == [
        (reviewer, False, "Send your statutes, please."),
        (None, True, "Attached."),
        (reviewer, False, "Not active on POPs."),
    ]
    answered = ListingMessage.objects.get(from_applicant=True)
    assert [str(d)[:8] for d in answered.documents.all()] == ["statutes"]  # the storage may add a suffix

    # The requester reads "The Secretariat", never the reviewer's name; each message has its time element.
    page = client.get(f"/directory/join/{listing.token}/").content.decode()
    headings = _headings(page)
    assert [h.split(",")[0] for h in headings] == ["The Secretariat", "The applicant", "The Secretariat"]
    assert page.count("<time datetime=") == 3 and "Ana Reviewer" not in page
    assert page.index("Send your statutes") < page.index("Attached.") < page.index("Not active on POPs.")

    # The reviewer's page names the reviewer and links the file sent with the answer.
    cast.sign_in(client, reviewer, second_factor=True)
    page = client.get(f"/staff/directory/listings/{listing.pk}/").content.decode()
    assert [h.split(",")[0] for h in _headings(page)] == [str(reviewer), "The applicant", str(reviewer)]
    document = answered.documents.get()
    assert f'href="/staff/directory/listings/{listing.pk}/documents/{document.pk}/"' in page


def test_the_status_endpoint_returns_the_messages(client, listing):
    reviewer = cast.staff("reviewer@secretariat.example")
    services.ask_listing_information(listing, by=reviewer, message="Send your statutes, please.")
    services.answer_listing_request(listing, answer="Attached.", documents=[SimpleUploadedFile("s.pdf", PDF)])
    body = client.get(f"/api/v1/listing-requests/{listing.token}").json()
    assert "message" not in body
    assert [(m["sender"], m["text"], len(m["documents"])) for m in body["messages"]] == [
        ("secretariat", "Send your statutes, please.", 0),
        ("applicant", "Attached.", 1),
    ]
    assert body["messages"][0]["sent_at"] <= body["messages"][1]["sent_at"]
