import pytest

from tahub.assistance import matching, services
from tahub.directory.models import Organisation
from tahub.parties.models import Region
from tahub.vocabularies.models import AssistanceType, Theme

pytestmark = pytest.mark.django_db


def test_providers_are_ranked_by_fit_with_reasons(submitted, contact_a, afr_focal_point, centres_offer_no_themes):
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


def test_past_delivery_on_similar_requests_counts(
    submitted, afr_focal_point, contact_a, provider, provider_member, centres_offer_no_themes
):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    r, _a = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    r = services.mark_delivered(services.start_delivery(r, by=provider_member), by=provider_member)
    services.close_request(r, by=contact_a, satisfaction=5)
    from tests.assistance.conftest import complete_data

    new = services.create_request(party=submitted.party, by=contact_a, data=complete_data(title="Again"))
    suggestion = next(s for s in matching.suggest_providers(new) if s.organisation == provider)
    assert "answered 1 similar request; Parties' satisfaction 5.0/5" in suggestion.reasons


def test_providers_that_offered_in_the_latest_needs_assessment_get_points_with_the_reason(submitted, afr_focal_point):
    """Issue 3 §4: offers from the needs assessment count. Only a submitted offers response of the latest cycle."""
    import datetime

    from tahub.needs import services as needs_services
    from tests.needs import world

    admin = afr_focal_point
    older = needs_services.open_cycle(
        by=admin,
        slug="needs-2020",
        title="Needs assessment 2020",
        period="2020-2023",
        deadline=datetime.date(2020, 6, 30),
        questionnaire=world.questionnaire(),
        offers_questionnaire=world.offers_questionnaire(),
    )
    latest = needs_services.open_cycle(
        by=admin,
        slug="needs-2024",
        title="Needs assessment 2024",
        period="2024-2027",
        deadline=datetime.date.today() + datetime.timedelta(days=30),
        questionnaire=world.questionnaire(),
        offers_questionnaire=world.offers_questionnaire(),
    )
    offers = {"inventories-offer": ["training"], "regions": ["AFR"], "languages": ["en"]}
    offered_in_2020 = Organisation.objects.get(slug="world-bank")
    draft_only = Organisation.objects.get(slug="unep-law")
    offering = Organisation.objects.get(slug="fao")
    response = needs_services.save_answers(cycle=latest, kind="offers", organisation=offering, answers=offers, by=admin)
    needs_services.submit_response(response, by=admin)
    needs_services.save_answers(cycle=latest, kind="offers", organisation=draft_only, answers=offers, by=admin)
    old = needs_services.save_answers(
        cycle=older, kind="offers", organisation=offered_in_2020, answers=offers, by=admin
    )
    needs_services.submit_response(old, by=admin)

    suggestions = {s.organisation.slug: s for s in matching.suggest_providers(submitted)}

    themes = {t.name for t in submitted.themes.all()}
    types = {t.name for t in submitted.assistance_types.all()}
    expected = sorted(themes & {"Inventories of POPs"}) + sorted(types & {"Training course"})
    assert suggestions["fao"].score == 2 * len(expected)
    assert suggestions["fao"].reasons == [
        f"offered {'; '.join(expected)} in the Needs assessment 2024 offers questionnaire"
    ]
    assert "unep-law" not in suggestions and "world-bank" not in suggestions
