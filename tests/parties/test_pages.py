import pytest

pytestmark = pytest.mark.django_db


def test_party_list_filters_by_region_and_eligibility(client):
    response = client.get("/parties/", {"region": "CEE", "eligibility": "transition"})
    assert response.status_code == 200
    names = [p.country.name for p in response.context["parties"]]
    assert "Ukraine" in names
    assert "Brazil" not in names
    assert all(p.country.region.code == "CEE" for p in response.context["parties"])


def test_party_page_shows_dates(client):
    response = client.get("/parties/alb/")
    assert response.status_code == 200
    assert b"2004-10-04" in response.content


def test_unknown_party_is_404(client):
    assert client.get("/parties/XXX/").status_code == 404


@pytest.mark.parametrize(
    "url",
    ["/", "/parties/", "/centres/", "/centres/scrc-brazil/", "/decisions/", "/decisions/SC-1/15/", "/data-notes/"],
)
def test_public_pages_answer(client, url):
    assert client.get(url).status_code == 200
