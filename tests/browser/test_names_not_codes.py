"""Issue 17: a visitor reads names, not the data's keys: a plan's, a decision's and a regional centre's sources by
their names (linked where they are on the web), an event's nominating regions by their names. axe-core passes on each
page."""

from tahub.parties.models import Region
from tests.browser.conftest import assert_accessible
from tests.events.conftest import make_event


def _fact(page, term):
    return page.locator(f"dl.facts dt:text-is('{term}') + dd").inner_text()


def test_a_visitor_reads_the_sources_of_a_plan_and_a_decision_by_name(page):
    page.goto("/plan/2018/")
    sources = _fact(page, "Sources")
    assert sources.startswith("InforMEA: the Rotterdam Convention COP-9 decision on technical assistance")
    assert "informea-rc9-ta" not in sources
    assert_accessible(page)

    page.goto("/decisions/SC-5/20/")
    sources = _fact(page, "Sources")
    assert "the project proposal of the technical assistance programme" in sources and "seed-003" not in sources
    link = page.locator("dl.facts dt:text-is('Sources') + dd a")
    assert link.inner_text() == "the Spanish text of decision SC-5/20 (copy on doczz.net)"
    assert link.get_attribute("href").startswith("https://es.doczz.net/")
    assert_accessible(page)


def test_a_visitor_reads_which_regions_may_nominate(page):
    event = make_event(eligible_roles="Officials of the ministry in charge of chemicals")
    event.eligible_regions.set(Region.objects.filter(code="AFR"))

    page.goto(event.get_absolute_url())
    assert _fact(page, "Regions whose Parties may nominate") == Region.objects.get(code="AFR").name
    assert _fact(page, "Who may be nominated") == "Officials of the ministry in charge of chemicals"
    assert_accessible(page)


def test_a_visitor_reads_the_sources_of_a_regional_centre_by_name(page):
    page.goto("/centres/scrc-kenya/")
    assert _fact(page, "Sources") == (
        "BRS Secretariat: the regional centre in Kenya; icipe: its page as a Stockholm Convention regional centre"
    )
    link = page.locator("dl.facts dt:text-is('Sources') + dd a").first
    assert link.get_attribute("href") == "https://www.brsmeas.org/Default.aspx?tabid=5098"
    assert_accessible(page)
