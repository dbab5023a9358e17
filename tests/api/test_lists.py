"""The public read endpoints: shapes, filters, pagination and what a page costs."""

import pytest

from tahub.core.api_pagination import MAX_PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_parties_list_is_paginated_and_filterable(client):
    body = client.get("/api/v1/parties", {"region": "CEE", "eligibility": "transition", "page_size": 5}).json()
    assert body["page"] == 1
    assert body["page_size"] == 5
    assert body["count"] > 5
    assert len(body["items"]) == 5
    assert all(p["region"] == "CEE" and p["eligibility"] == "transition" for p in body["items"])


def test_parties_search_matches_part_of_the_name_in_any_case(client):
    names = [p["name"] for p in client.get("/api/v1/parties", {"search": "ukr"}).json()["items"]]
    assert names == ["Ukraine"]


def test_second_page_continues_the_first(client):
    first = client.get("/api/v1/parties", {"page_size": 3}).json()["items"]
    second = client.get("/api/v1/parties", {"page_size": 3, "page": 2}).json()["items"]
    assert len(second) == 3
    assert not {p["iso3"] for p in first} & {p["iso3"] for p in second}


def test_page_past_the_last_is_empty(client):
    body = client.get("/api/v1/parties", {"page": 1000}).json()
    assert body["items"] == []
    assert body["count"] > 0


def test_party_by_iso3_in_any_case(client):
    response = client.get("/api/v1/parties/alb")
    assert response.status_code == 200
    assert response.json()["iso3"] == "ALB"
    assert response.json()["entry_into_force"] == "2005-05-17" or response.json()["action_date"]


def test_regions_count_their_countries(client):
    regions = {r["code"]: r for r in client.get("/api/v1/regions").json()["items"]}
    assert "GRULAC" in regions
    assert all(r["countries_count"] > 0 for r in regions.values())


def test_centre_detail_lists_its_endorsements(client):
    body = client.get("/api/v1/centres/scrc-brazil").json()
    assert body["code"] == "scrc-brazil"
    assert body["region"] == "GRULAC"
    assert body["endorsements"]
    assert {"decision", "decision_reference", "start_year", "end_year"} <= set(body["endorsements"][0])


def test_centres_filter_by_region(client):
    items = client.get("/api/v1/centres", {"region": "GRULAC"}).json()["items"]
    assert items
    assert all(c["region"] == "GRULAC" for c in items)


def test_decision_number_with_a_slash_is_a_path(client):
    response = client.get("/api/v1/decisions/SC-1/15")
    assert response.status_code == 200
    assert response.json()["number"] == "SC-1/15"
    assert response.json()["meeting"] == "COP-1"


def test_decisions_filter_by_meeting_convention_and_topic(client):
    items = client.get("/api/v1/decisions", {"meeting": "COP-1", "convention": "SC", "page_size": 100}).json()["items"]
    assert "SC-1/15" in [d["number"] for d in items]
    assert all(d["meeting"] == "COP-1" and d["convention"] == "SC" for d in items)
    topical = client.get("/api/v1/decisions", {"topic": "technical-assistance"}).json()["items"]
    assert topical
    assert all("technical-assistance" in d["topics"] for d in topical)


def test_chemicals_filter_by_annex(client):
    items = client.get("/api/v1/chemicals", {"annex": "C", "page_size": 100}).json()["items"]
    assert items
    assert all("C" in c["annexes"] for c in items)


def test_themes_carry_their_cluster_and_filter_by_it(client):
    themes = client.get("/api/v1/themes", {"page_size": 100}).json()["items"]
    cluster = themes[0]["cluster"]["slug"]
    filtered = client.get("/api/v1/themes", {"cluster": cluster, "page_size": 100}).json()["items"]
    assert filtered
    assert all(t["cluster"]["slug"] == cluster for t in filtered)


@pytest.mark.parametrize("url", ["/api/v1/needs-clusters", "/api/v1/assistance-types"])
def test_vocabulary_lists_answer(client, url):
    body = client.get(url).json()
    assert body["count"] == len(body["items"]) > 0


@pytest.mark.parametrize(
    ("url", "max_queries"),
    [
        ("/api/v1/parties?page_size=3", 3),
        (f"/api/v1/parties?page_size={MAX_PAGE_SIZE}", 3),
        ("/api/v1/parties?region=AFR&eligibility=developing&search=a", 3),
        ("/api/v1/regions", 2),
        ("/api/v1/centres?page_size=3", 3),
        (f"/api/v1/centres?page_size={MAX_PAGE_SIZE}", 3),
        (f"/api/v1/decisions?page_size={MAX_PAGE_SIZE}&convention=SC&meeting=COP-1", 4),
        (f"/api/v1/themes?page_size={MAX_PAGE_SIZE}", 2),
        (f"/api/v1/chemicals?page_size={MAX_PAGE_SIZE}", 2),
        ("/api/v1/parties/ALB", 1),
        ("/api/v1/centres/scrc-brazil", 2),
    ],
)
def test_a_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, url, max_queries):
    with django_assert_max_num_queries(max_queries):
        assert client.get(url).status_code == 200
