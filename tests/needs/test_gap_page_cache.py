"""The public gap page's content is cached (core.fragments) per version of the published figures, language and
theme: publishing again, withdrawing (this cycle or the previous one) and another language each show what an
uncached page shows; nothing of the person who asked is in the cached part; the Secretariat's page stays live."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from tahub.core import fragments
from tahub.needs import services
from tahub.needs.models import Answer, Question, Response
from tahub.needs.selectors import published
from tests.accounts.cast import sign_in

from .test_published import parties, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def content(page):
    """The page's <main> (its header holds the CSRF token, one per session)."""
    assert page.status_code == 200
    html = page.content.decode()
    return html[html.index('<main id="main">') : html.index("</main>")]


def uncached(client, url):
    """The page as it is drawn with nothing cached."""
    cache.clear()
    return content(client.get(url))


def cached_fragment(cycle, theme=None):
    cycles = published.published_cycles()
    cycle = next(c for c in cycles if c.pk == cycle.pk)  # as the page reads it (published since the fixture)
    result = published.analysis_for(AnonymousUser(), cycle, cycles)
    return cache.get(fragments.key("needs/_gaps.html", (result.version, theme)))


def assert_nothing_of_the_person(cached, signed_in, person, url):
    """`cached`, the fragment of the page at `url` that `person` saw signed in (`signed_in`), holds nothing of
    theirs: no CSRF token, no navigation, no name or address; the public page shows the same fragment."""
    assert cached is not None and cached in signed_in
    assert "csrfmiddlewaretoken" in signed_in and 'class="site-nav"' in signed_in  # the page has them ...
    assert "csrfmiddlewaretoken" not in cached and "site-nav" not in cached  # ... its cached content does not
    for detail in (person.email, person.name, str(person)):
        assert not detail or detail not in cached
    public = Client().get(url).content.decode()
    assert cached in public and person.email not in public


def answer_late(cycle, parties):  # noqa: F811
    late = next(p for p in cycle.invited.order_by("country__iso3") if p not in parties)
    question = Question.objects.get(questionnaire=cycle.questionnaire, kind=Question.Kind.LEVEL, code="nip-level")
    response = Response.objects.create(cycle=cycle, party=late, state=Response.State.SUBMITTED)
    Answer.objects.create(response=response, question=question, level="high")


def test_publishing_again_shows_the_new_figures(client, cycle, world, parties, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])
    before = content(client.get(url))
    assert cached_fragment(cycle) is not None and cached_fragment(cycle) in before
    answer_late(cycle, parties)
    assert content(client.get(url)) == before  # the figures as published, from the cache

    services.publish_results(cycle, by=admin)

    after = content(client.get(url))
    assert after != before
    assert after == uncached(client, url)


def test_withdrawing_and_publishing_again_show_the_new_figures(client, cycle, world, parties, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])
    before = content(client.get(url))
    answer_late(cycle, parties)

    services.withdraw_results(cycle, by=admin)
    assert client.get(url).status_code == 404
    services.publish_results(cycle, by=admin)

    after = content(client.get(url))
    assert after != before and after == uncached(client, url)


def test_withdrawing_the_previous_cycle_changes_the_trend(client, cycle, world, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])
    assert "No earlier cycle to compare with." not in content(client.get(url))

    services.withdraw_results(world, by=admin)

    after = content(client.get(url))
    assert "No earlier cycle to compare with." in after and after == uncached(client, url)


def test_each_language_and_theme_shows_its_own_content(client, cycle, world, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])
    english = content(client.get(url))
    theme = re.search(r'<option value="([^"]+)">', english[english.index('id="map-theme"') :]).group(1)
    english_theme = content(client.get(url, {"theme": theme}))

    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    french = content(client.get(url))
    french_theme = content(client.get(url, {"theme": theme}))

    assert english != english_theme and french != english and french_theme != english_theme
    assert french == uncached(client, url)
    assert french_theme == content(client.get(url, {"theme": theme}))
    assert french_theme == uncached(client, f"{url}?theme={theme}")


def test_nothing_of_the_person_is_in_the_cached_content(client, cycle, world, admin, contact_a):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])

    signed_in = sign_in(client, contact_a).get(url).content.decode()
    assert_nothing_of_the_person(cached_fragment(cycle), signed_in, contact_a, url)


def test_the_secretariats_page_is_live_and_not_cached(client, cycle, world, parties, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    url = reverse("needs:gaps", args=[cycle.slug])
    staff = sign_in(client, admin, second_factor=True)
    before = staff.get(url).context["analysis"].respondents()

    assert cached_fragment(cycle) is None
    answer_late(cycle, parties)
    page = staff.get(url)
    assert page.context["analysis"].respondents() == before + 1
    assert "Weighted need by Party" in page.content.decode()  # the Secretariat's map, by Party
    assert cached_fragment(cycle) is None
