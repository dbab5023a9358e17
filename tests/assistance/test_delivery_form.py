"""The delivery report form: the only assignment a provider may report on is chosen already; with several, the
empty choice stays and leaving it empty says so next to the field (journeys of issue 18)."""

import lxml.html
import pytest
from django.utils import timezone

from tahub.assistance import services
from tahub.directory.models import Organisation

from .conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def accepted(submitted, afr_focal_point):
    return services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)


def _options(page):
    (select,) = lxml.html.fromstring(page.content.decode()).xpath('//select[@name="assignment"]')
    return [(o.get("value"), o.get("selected") is not None) for o in select.iter("option")]


def test_the_only_assignment_is_chosen_and_saving_needs_no_choice(client, accepted, afr_focal_point, provider,
                                                                  provider_member):  # fmt: skip
    r, (assignment,) = services.assign_providers(accepted, by=afr_focal_point, organisations=[provider])
    login(client, provider_member)
    url = f"/requests/{r.reference}/deliveries/new/"
    assert _options(client.get(url)) == [(str(assignment.pk), True)]
    today = timezone.localdate().isoformat()
    data = {"assignment": assignment.pk, "start": today, "end": today, "activities": "Training",
            "parties_benefited": [r.party.pk]}  # fmt: skip
    assert client.post(url, data).status_code == 302
    assert assignment.reports.count() == 1


def test_with_several_assignments_the_empty_choice_stays_and_its_error_is_beside_the_field(
    client, accepted, afr_focal_point, provider
):
    other = Organisation.objects.exclude(pk=provider.pk).order_by("slug").first()
    r, assignments = services.assign_providers(accepted, by=afr_focal_point, organisations=[provider, other])
    login(client, afr_focal_point)  # staff may report on every assignment
    url = f"/requests/{r.reference}/deliveries/new/"
    options = _options(client.get(url))
    assert options[0][0] == "" and len(options) == 3  # the empty choice first, then both assignments
    response = client.post(url, {"activities": "Training", "parties_benefited": [r.party.pk]})
    assert response.status_code == 200
    page = lxml.html.fromstring(response.content.decode())
    (select,) = page.xpath('//select[@name="assignment"]')
    assert select.get("aria-invalid") == "true"
    (error,) = select.getparent().xpath('.//ul[@class="errorlist"]')
    assert error.text_content().strip() == "Choose the assignment this report is for."
    assert page.xpath('//div[@role="alert"]')
    assert not any(a.reports.exists() for a in assignments)
