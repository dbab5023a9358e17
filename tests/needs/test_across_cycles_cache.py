"""The public theme × cycle page's content is cached (core.fragments) per version of the published figures and
language: publishing again, withdrawing a cycle, editing one and another language each show what an uncached
page shows; nothing of the person who asked is in the cached part; the Secretariat's page stays live."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.urls import reverse

from tahub.core import fragments
from tahub.needs import services
from tahub.needs.selectors import published
from tests.accounts.cast import sign_in

from .test_gap_page_cache import answer_late, assert_nothing_of_the_person, content, uncached
from .test_published import parties, world  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
URL = reverse("needs:across_cycles")


def cached_fragment():
    cycles = published.published_cycles()
    return cache.get(fragments.key("needs/_across_cycles.html", published.Trend(AnonymousUser(), cycles).version))


def test_the_content_is_cached_until_staff_publish_again(client, cycle, world, parties, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    before = content(client.get(URL))
    assert cached_fragment() is not None and cached_fragment() in before
    answer_late(cycle, parties)
    assert content(client.get(URL)) == before  # the figures as published, from the cache

    services.publish_results(cycle, by=admin)

    after = content(client.get(URL))
    assert after != before
    assert after == uncached(client, URL)


def test_withdrawing_a_cycle_removes_its_column(client, cycle, world, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    before = content(client.get(URL))
    assert world.title in before

    services.withdraw_results(world, by=admin)

    after = content(client.get(URL))
    assert world.title not in after and after == uncached(client, URL)


def test_editing_a_cycle_shows_its_new_title(client, cycle, world, admin):  # noqa: F811
    content(client.get(URL))
    world.refresh_from_db()  # as published
    world.title = "Needs assessment, renamed"
    world.save()

    after = content(client.get(URL))
    assert "Needs assessment, renamed" in after and after == uncached(client, URL)


def test_each_language_shows_its_own_content(client, cycle, world, admin):  # noqa: F811
    services.publish_results(cycle, by=admin)
    english = content(client.get(URL))

    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    french = content(client.get(URL))

    assert french != english
    assert french == uncached(client, URL)


def test_nothing_of_the_person_is_in_the_cached_content(client, cycle, world, admin, contact_a):  # noqa: F811
    services.publish_results(cycle, by=admin)

    signed_in = sign_in(client, contact_a).get(URL).content.decode()
    assert_nothing_of_the_person(cached_fragment(), signed_in, contact_a, URL)


def test_the_secretariats_page_is_live_and_not_cached(client, cycle, world, parties, admin):  # noqa: F811
    staff = sign_in(client, admin, second_factor=True)
    before = content(staff.get(URL))
    assert cycle.title in before  # not published: the Secretariat's only

    assert cached_fragment() is None
    answer_late(cycle, parties)
    after = content(staff.get(URL))
    assert after != before  # the late answer counts at once
    assert cached_fragment() is None
