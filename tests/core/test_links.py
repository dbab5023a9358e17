"""`tahub.core.links.url_pattern`: a URL reversed once, formatted for each row; `cached_reverse`: the URLs on every
page reversed once per URLconf and script prefix."""

import pytest
from django.urls import NoReverseMatch, path, reverse, set_script_prefix
from django.views.generic import TemplateView

import tahub.urls
from tahub.core.links import cached_reverse, url_pattern

# This module is also a URLconf: the site's, plus one page.
urlpatterns = [*tahub.urls.urlpatterns, path("only-here/", TemplateView.as_view(), name="only-here")]


def test_the_pattern_formats_to_the_reversed_url():
    assert url_pattern("parties:detail") == "/parties/{}/"
    assert url_pattern("parties:detail").format("KEN") == reverse("parties:detail", args=["KEN"])
    assert url_pattern("directory:detail").format("unep-chemicals") == reverse(
        "directory:detail", args=["unep-chemicals"]
    )


def test_only_the_argument_is_replaced():
    # The last occurrence of the placeholder is the argument; an "X" earlier in the URL stays.
    set_script_prefix("/X/")
    try:
        assert url_pattern("parties:detail").format("KEN") == "/X/parties/KEN/"
    finally:
        set_script_prefix("/")


def test_the_varying_argument_may_sit_between_fixed_ones():
    pattern = url_pattern("events_staff:decide", "an-event", 987654321, "accept", placeholders=(987654321,))
    assert pattern.format(12) == reverse("events_staff:decide", args=["an-event", 12, "accept"])


def test_cached_reverse_is_reverse_per_urlconf_and_script_prefix(settings):
    assert cached_reverse("parties:list") == reverse("parties:list") == "/parties/"
    set_script_prefix("/under/")
    try:
        assert cached_reverse("parties:list") == reverse("parties:list") == "/under/parties/"
    finally:
        set_script_prefix("/")
    assert cached_reverse("parties:list") == "/parties/"
    assert cached_reverse("only-here", missing_ok=True) is None
    with pytest.raises(NoReverseMatch):
        cached_reverse("only-here")
    settings.ROOT_URLCONF = "tests.core.test_links"  # the site's URLs and one more
    assert cached_reverse("only-here") == reverse("only-here") == "/only-here/"


def test_several_arguments_may_vary():
    # The programme's activity: /plan/programme/<first year>/<number>/, both from the row.
    pattern = url_pattern("plan:activity", placeholders=(1111, 2222))
    assert pattern == "/plan/programme/{}/{}/"
    assert pattern.format(2030, 7) == reverse("plan:activity", args=[2030, 7])
    # A placeholder's text earlier in the URL (here the script prefix) stays as it is.
    set_script_prefix("/2222/")
    try:
        assert url_pattern("plan:activity", placeholders=(1111, 2222)).format(2030, 7) == "/2222/plan/programme/2030/7/"
    finally:
        set_script_prefix("/")
