"""The one navigation (issue 15.1): every area of the programme, grouped as its users think of it, the current
section marked, and — once signed in — the person's own work first, with counts that cost one query."""

import lxml.html
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, path, reverse
from django.views.generic import TemplateView

import tahub.urls
from tahub.assistance import services
from tahub.parties.models import ContactPoint
from tahub.reports import dashboard
from tests.accounts import cast
from tests.assistance.conftest import complete_data

pytestmark = pytest.mark.django_db

# This module is also a URLconf: the site's, plus a contact page (helper F2 adds the real one).
urlpatterns = [
    *tahub.urls.urlpatterns,
    path("contact-for-test/", TemplateView.as_view(template_name="core/data_notes.html"), name="contact"),
]

AREAS = {
    "Get assistance": ["assistance:create", "assistance:statistics", "needs:index", "parties:list"],
    "Who helps": ["directory:list", "centres:list"],
    "Capacity building": ["events:calendar"],
    "Plan and funding": ["plan:plans", "plan:activities", "funding:list", "funding:contributions"],
}
SINGLE = ["planning:decisions", "observers:index"]


def _nav(response):
    (nav,) = lxml.html.fromstring(response.content.decode()).xpath('//nav[@aria-label="Main"]')
    return nav


def _hrefs(element):
    return [a.get("href") for a in element.iter("a")]


def test_every_area_is_in_the_main_navigation_in_its_group(client):
    nav = _nav(client.get("/"))
    for label, names in AREAS.items():
        (group,) = nav.xpath(f'.//li[span[@class="nav-label"]="{label}"]')
        assert _hrefs(group) == [reverse(name) for name in names], label
        list_id = group.xpath("span/@id")[0]
        assert group.xpath(f'ul[@aria-labelledby="{list_id}"]'), "each group's list is named by its label"
    for name in SINGLE:
        assert reverse(name) in _hrefs(nav)
    assert reverse("account_login") in _hrefs(nav)
    try:
        contact = [reverse("contact")]
    except NoReverseMatch:
        contact = []
    assert [h for h in _hrefs(nav) if h in contact] == contact  # linked exactly when the contact page exists


def test_the_contact_page_is_linked_once_it_exists(client, settings):
    settings.ROOT_URLCONF = "tests.core.test_navigation"
    nav = _nav(client.get("/"))
    assert reverse("contact") in _hrefs(nav)


@pytest.mark.parametrize(
    ("url", "current"),
    [("/events/", "events:calendar"), ("/plan/programme/", "plan:activities"), ("/parties/KEN/", "parties:list")],
)
def test_the_current_section_is_marked(client, url, current):
    nav = _nav(client.get(url))
    marked = [a.get("href") for a in nav.iter("a") if a.get("aria-current")]
    assert marked == [reverse(current)]


def test_the_home_page_browse_list_names_every_area(client):
    page = lxml.html.fromstring(client.get("/").content.decode())
    (browse,) = page.xpath('//section[@aria-labelledby="browse"]')
    hrefs = _hrefs(browse)
    for name in [*sum(AREAS.values(), []), *SINGLE]:
        assert reverse(name) in hrefs, name


def _work(response):
    nav = _nav(response)
    (mine,) = nav.xpath('.//li[span[@id="nav-mine"]]')
    return {" ".join(a.text_content().split()): a.get("href") for a in mine.iter("a")}


def cycle_inviting(party):
    import datetime

    from tahub.needs.models import Cycle
    from tests.needs import world

    questionnaire = world.questionnaire()
    cycle = Cycle.objects.create(
        slug="needs-2026-2027",
        title="Needs assessment 2026–2027",
        period="2026-2027",
        deadline=datetime.date.today() + datetime.timedelta(days=30),
        questionnaire=questionnaire,
    )
    cycle.invited.add(party)
    return cycle


def test_a_contact_point_sees_its_own_work_first_with_counts(client):
    person = cast.contact_point("contact@ken.example", cast.PARTY_A)
    party = cast.party(cast.PARTY_A)
    services.create_request(party=party, by=person, data=complete_data())
    cycle_inviting(party)
    cast.sign_in(client, person)
    work = _work(client.get("/"))
    assert work["My requests 1 waiting for you"] == reverse("assistance:mine")
    assert work["Our questionnaire 1 waiting for you"].startswith(reverse("dashboard:home"))
    assert "Sign out" in work and "To review" not in " ".join(work)


def test_staff_see_what_waits_for_review(client):
    person = cast.contact_point("contact@ken.example", cast.PARTY_A)
    for _i in range(2):
        services.submit_request(
            services.create_request(party=cast.party(cast.PARTY_A), by=person, data=complete_data()), by=person
        )
    admin = cast.staff("admin@example.org")
    cast.sign_in(client, admin, second_factor=True)
    work = _work(client.get("/"))
    assert work["To review 2 waiting for you"].endswith("#review")
    assert "My requests" not in " ".join(work)


def _requests(count):
    person = ContactPoint.objects.get(party=cast.party(cast.PARTY_A)).user
    for i in range(count):
        services.submit_request(
            services.create_request(party=cast.party(cast.PARTY_A), by=person, data=complete_data(title=f"R{i}")),
            by=person,
        )


def _queries_for_home(client):
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/").status_code == 200
    return len(queries)


def test_the_counts_cost_one_query_however_much_waits(client, django_assert_num_queries):
    cast.contact_point("contact@ken.example", cast.PARTY_A)
    admin = cast.staff("admin@example.org")
    _requests(2)
    with django_assert_num_queries(1):
        dashboard.work_counts(admin)
    cast.sign_in(client, admin, second_factor=True)
    small = _queries_for_home(client)
    _requests(40)
    assert _queries_for_home(client) == small
    assert dashboard.work_counts(admin)["triage"] == 42


def test_the_counts_are_computed_once_per_request(rf):
    from django.contrib.auth.models import AnonymousUser

    from tahub.reports.navigation import navigation

    admin = cast.staff("admin@example.org")
    request = rf.get("/")
    request.user = admin
    request.resolver_match = None
    context = navigation(request)
    with CaptureQueriesContext(connection) as queries:
        first = list(context["my_work"])
        again = list(navigation(request)["my_work"])
    assert len(queries) == 1 and first == again
    request.user = AnonymousUser()
    request.__dict__.pop("_tahub_navigation")
    assert list(navigation(request)["my_work"]) == []
