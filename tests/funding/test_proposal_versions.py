"""Two staff editing one draft: the second save, made from the version both read, is refused with a clear message
on the page (409) and through the API (409), and nothing of it is saved: not its fields, lines or co-funding."""

from decimal import Decimal

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.core.workflow import Stale
from tahub.funding import services
from tahub.funding.models import Proposal
from tests.api.stale_messages import is_stale_message, stale_pattern

from .seed import LINES, seed_data, seed_proposal
from .test_write_api import SEED

pytestmark = pytest.mark.django_db


def _content(proposal):
    proposal = Proposal.objects.get(pk=proposal.pk)
    lines = [(line.component, line.amount) for line in proposal.budget_lines.all()]
    co_funding = [(row.donor_name, row.amount) for row in proposal.co_funding.all()]
    return proposal.title, proposal.version, lines, co_funding


def test_an_edit_from_an_older_version_is_refused_and_writes_nothing(admin):
    proposal = seed_proposal(admin)
    seen = proposal.version
    services.update_proposal(proposal, by=admin, data=seed_data() | {"title": "First"}, lines=LINES,
                             seen_version=seen)  # fmt: skip
    before = _content(proposal)
    assert before[1] == seen + 1

    lines = [{"component": "Other", "amount": Decimal("1")}]
    co_funding = [{"donor_name": "Other", "amount": Decimal("2")}]
    with pytest.raises(Stale, match=stale_pattern("proposal")):
        services.update_proposal(proposal, by=admin, data=seed_data() | {"title": "Second"}, lines=lines,
                                 co_funding=co_funding, seen_version=seen)  # fmt: skip
    assert _content(proposal) == before


def test_moving_a_proposal_does_not_touch_its_version(admin):
    proposal = seed_proposal(admin)
    seen = proposal.version
    services.move_proposal(proposal, by=admin, action="submit")
    services.move_proposal(proposal, by=admin, action="return_to_draft")
    edited = services.update_proposal(proposal, by=admin, data={"title": "Edited"}, lines=LINES, seen_version=seen)
    assert (edited.title, edited.version) == ("Edited", seen + 1)


# --- the staff page ---------------------------------------------------------------------------------------------


def _form(proposal, version, title, lines, pledges=()):
    data = {"convention": proposal.convention_id, "title": title, "currency": "USD", "version": version,
            "lines-TOTAL_FORMS": str(len(lines)), "lines-INITIAL_FORMS": "0",
            "pledges-TOTAL_FORMS": str(len(pledges)), "pledges-INITIAL_FORMS": "0"}  # fmt: skip
    for i, (component, amount) in enumerate(lines):
        data |= {f"lines-{i}-component": component, f"lines-{i}-amount": amount}
    for i, (name, amount) in enumerate(pledges):
        data |= {f"pledges-{i}-donor_name": name, f"pledges-{i}-amount": amount}
    return data


def test_two_staff_editing_one_draft_the_second_is_refused_on_the_page(staff_client, admin):
    proposal = seed_proposal(admin)
    url = f"/staff/funding/{proposal.pk}/edit/"
    page = staff_client.get(url).content.decode()
    assert f'name="version" value="{proposal.version}"' in page
    seen = proposal.version

    first = _form(proposal, seen, "Saved first", [("Coordination", "100")], [("Donor A", "10")])
    assert staff_client.post(url, first).status_code == 302
    before = _content(proposal)

    second = _form(proposal, seen, "Saved second", [("Workshops", "999"), ("Travel", "5")], [("Donor B", "20")])
    response = staff_client.post(url, second)
    assert response.status_code == 409
    body = response.content.decode()
    assert is_stale_message("proposal", body)
    assert "Saved second" in body and 'value="999"' in body  # their input stays on the page to copy
    assert _content(proposal) == before == ("Saved first", seen + 1, [("Coordination", Decimal("100"))],
                                            [("Donor A", Decimal("10"))])  # fmt: skip


# --- the API ----------------------------------------------------------------------------------------------------


@pytest.fixture
def staff_api(client, admin):
    token = create_api_token(user=admin)
    return lambda method, url, **kw: getattr(client, method)(url, HTTP_AUTHORIZATION=f"Bearer {token}",
                                                             content_type="application/json", **kw)  # fmt: skip


def test_the_api_needs_the_version_and_refuses_a_stale_one_with_409(staff_api):
    body = staff_api("post", "/api/v1/staff/proposals", data=SEED).json()
    url, seen = f"/api/v1/staff/proposals/{body['id']}", body["version"]
    assert staff_api("get", url).json()["version"] == seen

    response = staff_api("put", url, data=SEED)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "payload.version"
    response = staff_api("put", url, data=SEED | {"version": seen, "title": "First"})
    assert response.status_code == 200 and response.json()["version"] == seen + 1

    stale = SEED | {"version": seen, "title": "Second", "budget_lines": [{"component": "X", "amount": "1"}]}
    response = staff_api("put", url, data=stale)
    assert response.status_code == 409 and is_stale_message("proposal", response.json()["detail"])
    now = staff_api("get", url).json()
    assert (now["title"], now["total_budget"], now["version"]) == ("First", "1000000.00", seen + 1)
