import pytest

from tahub.assistance import matching, services
from tahub.directory.models import Organisation
from tahub.parties.models import Region
from tahub.vocabularies.models import AssistanceType, Theme

pytestmark = pytest.mark.django_db


def test_providers_are_ranked_by_fit_with_reasons(submitted, contact_a, afr_focal_point):
    inventories = Theme.objects.get(slug="inventories")
    training = AssistanceType.objects.get(slug="training")
    strong = Organisation.objects.get(slug="unitar")
    strong.themes.add(inventories)
    strong.assistance_types.add(training)
    strong.regions_served.add(Region.objects.get(code="AFR"))
    strong.languages = "en;fr"
    strong.save()
    weak = Organisation.objects.get(slug="fao")
    weak.assistance_types.add(training)
    kenya_centre = Organisation.objects.get(slug="scrc-kenya")

    suggestions = matching.suggest_providers(submitted)
    ranked = [s.organisation.slug for s in suggestions]
    assert ranked[0] == "unitar"
    top = suggestions[0]
    assert top.score == 3 + 2 + 2 + 1  # one theme, one type, the region, English
    assert top.reasons[0].startswith("offers Inventories of POPs")
    assert "serves the region" in top.reasons
    centre = next(s for s in suggestions if s.organisation == kenya_centre)
    assert centre.reasons == ["regional centre of the region"]
    unrelated = {"unep-law", "world-bank"}
    assert unrelated.isdisjoint(ranked)
    assert next(s for s in suggestions if s.organisation == weak).reasons == ["provides Training course"]


def test_past_delivery_on_similar_requests_counts(submitted, afr_focal_point, contact_a, provider, provider_member):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    r, _a = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    r = services.mark_delivered(services.start_delivery(r, by=provider_member), by=provider_member)
    services.close_request(r, by=contact_a, satisfaction=5)
    from tests.assistance.conftest import complete_data

    new = services.create_request(party=submitted.party, by=contact_a, data=complete_data(title="Again"))
    suggestion = next(s for s in matching.suggest_providers(new) if s.organisation == provider)
    assert "answered 1 similar request; Parties' satisfaction 5.0/5" in suggestion.reasons
