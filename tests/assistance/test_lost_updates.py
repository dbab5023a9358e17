"""Two people editing one request do not overwrite each other (issue 18.4); the same form sent twice creates
one draft (18.9) and is not reported as "someone else" (17.7)."""

import re

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.assistance import services
from tahub.assistance.models import TARequest
from tahub.core.workflow import Stale
from tahub.parties.models import ContactPoint
from tahub.vocabularies.models import Theme

from .conftest import complete_data, login, make_user
from .test_pages import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def colleague_a(party_a):
    """A second person of Party A (a focal point), editing the same draft."""
    user = make_user("focal@ken.example", name="Amina Otieno")
    ContactPoint.objects.create(user=user, party=party_a, kind=ContactPoint.Kind.FOCAL)
    return user


def test_an_edit_from_an_older_version_is_refused_naming_who_what_and_when(draft, contact_a, colleague_a):
    seen = draft.version
    services.update_draft(draft, by=colleague_a, data={"title": "Their title"}, version=seen)
    with pytest.raises(Stale) as refused:
        services.update_draft(draft, by=contact_a, data={"title": "My title", "description": "Mine"}, version=seen)
    message = refused.value.messages[0]
    assert message.startswith("This request changed since you opened it (by Amina Otieno at ")
    assert "): title. Nothing of this form was saved." in message and not refused.value.mine
    draft.refresh_from_db()
    assert (draft.title, draft.version) == ("Their title", seen + 1)
    assert draft.description == complete_data()["description"]


def test_tags_changed_by_someone_else_are_named(draft, contact_a, colleague_a):
    services.update_draft(draft, by=colleague_a, data={"themes": [Theme.objects.get(slug="inventories")]}, version=0)
    with pytest.raises(Stale, match=r"\): themes\. Nothing"):
        services.update_draft(draft, by=contact_a, data={"title": "Mine"}, version=0)


def test_the_same_edit_sent_twice_is_saved_once_without_alarm(draft, contact_a):
    services.update_draft(draft, by=contact_a, data={"title": "Once"}, version=0)
    again = services.update_draft(draft, by=contact_a, data={"title": "Once"}, version=0)  # a double click
    assert (again.title, again.version) == ("Once", 1)
    assert draft.history.filter(history_change_reason="assistance.request.edited").count() == 1


def test_my_own_older_form_says_it_was_me(draft, contact_a):
    services.update_draft(draft, by=contact_a, data={"title": "First tab"}, version=0)
    with pytest.raises(Stale) as refused:
        services.update_draft(draft, by=contact_a, data={"title": "Second tab"}, version=0)
    assert "(by you at " in refused.value.messages[0] and refused.value.mine
    assert "someone else" not in refused.value.messages[0]


def test_the_edit_page_carries_the_version_and_refuses_a_stale_save(client, draft, contact_a, colleague_a):
    login(client, contact_a)
    page = client.get(f"/requests/{draft.reference}/edit/").content.decode()
    assert re.search(r'<input type="hidden" name="version" value="0"', page)
    services.update_draft(draft, by=colleague_a, data={"title": "Their title"}, version=0)
    data = form_data(title="My title", seen_state="draft", version=0)
    response = client.post(f"/requests/{draft.reference}/edit/", data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "This request changed since you opened it (by Amina Otieno at " in body
    assert 'value="My title"' in body  # the person's changes are kept on the page, not lost
    assert '<input type="hidden" name="version" value="1"' in body
    draft.refresh_from_db()
    assert draft.title == "Their title"
    # Having looked, saving again (the page now carries version 1) replaces it.
    assert client.post(f"/requests/{draft.reference}/edit/", {**data, "version": 1}).status_code == 302
    draft.refresh_from_db()
    assert (draft.title, draft.version) == ("My title", 2)


def test_api_patch_needs_the_version_and_answers_409_when_stale(client, draft, contact_a, colleague_a):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=contact_a)}"}
    url = f"/api/v1/requests/{draft.reference}"
    assert client.get(url, **headers).json()["version"] == 0
    missing = client.patch(url, {"title": "No version"}, content_type="application/json", **headers)
    assert missing.status_code == 422
    services.update_draft(draft, by=colleague_a, data={"title": "Their title"}, version=0)
    stale = client.patch(url, {"title": "Mine", "version": 0}, content_type="application/json", **headers)
    assert stale.status_code == 409
    assert "changed since you opened it (by Amina Otieno at" in stale.json()["detail"]
    fresh = client.patch(url, {"title": "Mine", "version": 1}, content_type="application/json", **headers)
    assert fresh.status_code == 200 and fresh.json()["title"] == "Mine" and fresh.json()["version"] == 2


def test_a_double_click_on_a_move_says_it_was_already_done(client, submitted, afr_focal_point):
    login(client, afr_focal_point)
    url = f"/requests/{submitted.reference}/start-review/"
    client.post(url, {"seen_state": "submitted"})
    body = client.post(url, {"seen_state": "submitted"}, follow=True).content.decode()
    assert "You had already moved this request to “Under review”" in body
    assert "someone else" not in body


def test_the_new_request_form_sent_twice_creates_one_draft(client, contact_a):
    login(client, contact_a)
    page = client.get("/requests/new/").content.decode()
    token = re.search(r'name="creation_token" value="([^"]+)"', page)[1]
    first = client.post("/requests/new/", {**form_data(), "creation_token": token})
    second = client.post("/requests/new/", {**form_data(), "creation_token": token}, follow=True)
    created = TARequest.objects.get()
    assert first["Location"] == f"/requests/{created.reference}/"
    assert second.redirect_chain[-1][0] == f"/requests/{created.reference}/"
    assert "This form was already sent: here is the draft it created." in second.content.decode()
    # A new form (a new token) files a new request.
    other = re.search(r'name="creation_token" value="([^"]+)"', client.get("/requests/new/").content.decode())[1]
    assert other != token
    client.post("/requests/new/", {**form_data(), "creation_token": other})
    assert TARequest.objects.count() == 2


def test_another_persons_token_is_not_theirs(client, party_a, contact_a, colleague_a):
    ta_request, created = services.create_request_once(
        creation_token="t" * 40, party=party_a, by=contact_a, data=complete_data()
    )
    assert created
    assert services.request_created_with(colleague_a, "t" * 40) is None
    assert services.create_request_once(creation_token="t" * 40, party=party_a, by=contact_a, data={}) == (
        ta_request,
        False,
    )
