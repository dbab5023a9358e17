"""The public regional-centre pages: the list and its region filter, a centre's page, and their query cost."""

import pytest

pytestmark = pytest.mark.django_db


def codes(response):
    return [centre.code for centre in response.context["centres"]]


def test_centre_list_shows_every_centre(client):
    response = client.get("/centres/")
    assert response.status_code == 200
    assert len(codes(response)) == 17
    assert "17 centres" in response.content.decode()


def test_centre_list_says_where_its_count_comes_from_and_that_the_seed_says_15(client):
    """Issue 16.3: the seed page says "a network of 15"; the product lists 17 and says why, as a doubt."""
    import re
    from pathlib import Path

    from django.conf import settings

    body = re.sub(r"\s+", " ", client.get("/centres/").content.decode())
    doubt = re.search(r'<p class="note doubt" id="count-source">(.*?)</p>', body).group(1)
    assert "the seed page says 15" in doubt
    assert "the Secretariat's list of regional centres" in doubt and "has 17" in doubt
    provenance = re.sub(r"\s+", " ", (Path(settings.REFERENCE_DATA_DIR) / "PROVENANCE-programme.md").read_text())
    assert "the seed page says 15; the Secretariat's list of regional centres has 17" in provenance


def test_centre_list_filters_by_region(client):
    response = client.get("/centres/", {"region": "GRULAC"})
    assert sorted(codes(response)) == [
        "scrc-brazil",
        "scrc-mexico",
        "scrc-panama",
        "scrc-trinidad-and-tobago",
        "scrc-uruguay",
    ]


def test_centre_list_reports_an_unknown_region_and_lists_all(client):
    response = client.get("/centres/", {"region": "ATLANTIS"})
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert len(codes(response)) == 17


def test_centre_list_says_when_no_endorsement_was_found(client):
    body = client.get("/centres/", {"region": "GRULAC"}).content.decode()
    assert "not found in the sources" in body  # Mexico and Panama: endorsement not found


def test_centre_page_shows_host_region_languages_and_endorsements(client):
    response = client.get("/centres/scrc-uruguay/")
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["languages"] == ["Spanish", "English"]
    assert "Spanish, English" in body
    assert "Latin American and Caribbean States" in body
    assert "Uruguay" in body


def test_centre_page_keeps_the_doubts_visible(client):
    response = client.get("/centres/scrc-brazil/")
    body = response.content.decode()
    centre = response.context["centre"]
    assert "current term not verified" in body and "current-term-unverified" not in body  # words, not codes
    assert "re-endorsed for 4 years" in body  # the endorsement history from the sources
    assert "is an inference" in centre.notes
    assert '<a href="/decisions/SC-7/17/">SC-7/17</a>: 2015–2018' in body  # four years


def test_centre_page_without_known_languages_says_so(client):
    assert "not known" in client.get("/centres/scrc-brazil/").content.decode()


def test_unknown_centre_is_404(client):
    assert client.get("/centres/no-such-centre/").status_code == 404


@pytest.mark.parametrize("params", [{"region": "WEOG"}, {}])
def test_centre_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, params):
    # Centres, their endorsements, the regions for the filter (the regions read also check the chosen one).
    with django_assert_max_num_queries(3):
        assert client.get("/centres/", params).status_code == 200


@pytest.mark.parametrize("code", ["scrc-brazil", "scrc-mexico"])
def test_centre_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, code):
    # The centre, its Parties served and themes offered, its approved work plan, its activities with their
    # types and Parties, the feedback summary.
    with django_assert_max_num_queries(11):
        assert client.get(f"/centres/{code}/").status_code == 200


def test_centre_page_cost_does_not_grow_with_activities(client, django_assert_max_num_queries):
    import datetime

    from tahub.centres.models import Activity, ActivityReport, RegionalCentre, ReportingPeriod
    from tahub.parties.models import Party
    from tahub.vocabularies.models import AssistanceType

    centre = RegionalCentre.objects.get(code="scrc-brazil")
    period = ReportingPeriod.objects.create(
        title="2025",
        start=datetime.date(2025, 1, 1),
        end=datetime.date(2025, 12, 31),
        deadline=datetime.date(2026, 3, 1),
    )
    report = ActivityReport.objects.create(centre=centre, period=period)
    ActivityReport.objects.filter(pk=report.pk).update(state="submitted")
    kind, parties = AssistanceType.objects.first(), list(Party.objects.all()[:3])
    for i in range(30):
        a = Activity.objects.create(
            report=report, title=f"A{i}", assistance_type=kind, start=period.start, end=period.end
        )
        a.parties_benefited.set(parties)
    with django_assert_max_num_queries(11):
        response = client.get("/centres/scrc-brazil/")
    assert "A0" in response.content.decode() and "A29" in response.content.decode()


def test_every_centre_offers_the_themes_of_its_mandate(client):
    """Issue 15.3: no centre lists "no theme offered"; the themes come from the mandate, by a stated rule."""
    import importlib.util
    import re
    from pathlib import Path

    from django.conf import settings

    from tahub.centres.models import RegionalCentre

    tool = Path(settings.REFERENCE_DATA_DIR) / "tools" / "build_centre_themes.py"
    spec = importlib.util.spec_from_file_location("build_centre_themes", tool)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    expected = {(r["centre"], r["theme"]) for r in module.rows()}  # the rule, applied to today's files
    assert len(expected) == 17 * 10
    for centre in RegionalCentre.objects.select_related("organisation"):
        offered = set(centre.organisation.themes.values_list("slug", flat=True))
        assert offered == {theme for code, theme in expected if code == centre.code}, centre.code
        assert {"technology-transfer", "stockpiles-wastes", "nip"} <= offered
    entry = re.sub(r"\s+", " ", client.get("/directory/scrc-kenya/").content.decode())
    assert "Transfer of environmentally sound technologies" in entry
    page = client.get("/centres/scrc-kenya/").content.decode()
    assert "from the centres' mandate" in page and "National reporting" in page
