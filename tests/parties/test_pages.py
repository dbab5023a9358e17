"""The public Parties pages: the list and its filters, a Party's page, and what they cost in queries."""

import pytest

from tahub.parties.models import Country, Eligibility, Party

pytestmark = pytest.mark.django_db


def names(response):
    return [party["name"] for party in response.context["parties"]]


def test_party_list_shows_every_party_without_filters(client):
    response = client.get("/parties/")
    assert response.status_code == 200
    assert len(response.context["parties"]) == 185
    assert "185 Parties" in response.content.decode()


def test_party_list_filters_by_region_and_eligibility(client):
    response = client.get("/parties/", {"region": "CEE", "eligibility": "transition"})
    assert response.status_code == 200
    assert "Ukraine" in names(response)
    assert "Brazil" not in names(response)
    assert {p["region"] for p in response.context["parties"]} == {"CEE"}
    assert {p["eligibility"] for p in response.context["parties"]} == {"transition"}


def test_party_list_filters_by_name(client):
    response = client.get("/parties/", {"q": "alban"})
    assert names(response) == ["Albania"]
    assert "1 Party" in response.content.decode()


def test_party_list_counts_each_eligibility_class_of_the_filtered_parties(client):
    response = client.get("/parties/", {"region": "WEOG"})
    counts = {choice.value: n for choice, n in response.context["counts"]}
    parties = response.context["parties"]
    assert counts == {e.value: sum(1 for p in parties if p["eligibility"] == e.value) for e in Eligibility}
    assert counts[Eligibility.DEVELOPED] > 0


def test_party_list_reports_an_unknown_region_and_keeps_the_other_filters(client):
    response = client.get("/parties/", {"region": "ATLANTIS", "q": "alban"})
    assert response.status_code == 200
    assert "region" in response.context["form"].errors
    assert names(response) == ["Albania"]
    assert "Select a valid choice" in response.content.decode()


def test_party_list_says_when_nothing_matches(client):
    response = client.get("/parties/", {"q": "no such country"})
    assert "No Party matches these filters." in response.content.decode()


def test_party_page_shows_dates_region_and_eligibility_source(client):
    response = client.get("/parties/alb/")
    body = response.content.decode()
    assert response.status_code == 200
    assert "2004-10-04" in body
    assert "Eastern European States" in body
    assert Country.objects.get(iso3="ALB").eligibility_source in body
    assert "No override" in body


def test_party_page_shows_a_secretariat_override_with_its_reason(client):
    Country.objects.filter(iso3="ALB").update(
        eligibility_override=Eligibility.DEVELOPING, eligibility_override_reason="Decided at the bureau meeting."
    )
    body = client.get("/parties/ALB/").content.decode()
    assert "<dt>Set by the Secretariat</dt><dd>Developing country</dd>" in body
    assert "<dt>Reason for the override</dt><dd>Decided at the bureau meeting.</dd>" in body
    assert "Economy in transition" in body  # the source's class stays visible beside the override


def test_party_page_lists_the_centres_it_hosts_and_those_of_its_region(client):
    # The section is the centres app's (its template tag, in centres/partials/party_centres.html).
    body = client.get("/parties/BRA/").content.decode()
    assert '<a href="/centres/scrc-brazil/">' in body
    assert '<a href="/centres/scrc-uruguay/">' in body  # same region (GRULAC)
    assert '<a href="/centres/scrc-china/">' not in body
    assert "hosted by this Party" in body
    assert "in the same region, hosted by Uruguay" in body


def test_unknown_party_is_404(client):
    assert client.get("/parties/XXX/").status_code == 404


@pytest.mark.parametrize("params", [{"q": "alban"}, {"region": "CEE"}, {}])
def test_party_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, params):
    # The parties (their counts by class taken from them) and the regions for the filter, which also check the
    # chosen one.
    with django_assert_max_num_queries(2):
        response = client.get("/parties/", params)
    assert response.status_code == 200


@pytest.mark.parametrize("iso3", ["BRA", "ALB", "NIU"])
def test_party_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, iso3):
    # The Party, its centres (without their endorsements, which the page does not show), and its region's
    # regional focal points (whom to contact).
    with django_assert_max_num_queries(3):
        response = client.get(f"/parties/{iso3}/")
    assert response.status_code == 200


def test_party_list_rows_link_each_party_with_its_group_class_and_entry_into_force(client):
    body = client.get("/parties/", {"q": "alban"}).content.decode()
    assert '<tr><td><a href="/parties/ALB/">Albania</a><td>CEE<td>Economy in transition<td>2005-01-02\n</tbody>' in body


def test_party_list_escapes_names_and_shows_a_dash_for_what_is_not_known(client):
    Country.objects.filter(iso3="ALB").update(name="Albania <b>& co</b>", region=None, eligibility_class="")
    Party.objects.filter(country__iso3="ALB").update(entry_into_force=None)
    body = client.get("/parties/", {"q": "alban"}).content.decode()
    assert '<a href="/parties/ALB/">Albania &lt;b&gt;&amp; co&lt;/b&gt;</a><td>—<td>—<td>—\n' in body
