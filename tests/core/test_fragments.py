"""core.fragments: a fragment is rendered once per version and language, live without a version, and never
with the request (so nothing of the person who asked is in it)."""

import pytest
from django.test import RequestFactory, override_settings
from django.utils import translation

from tahub.core import fragments

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.template.context_processors.csrf",
            ],
            "loaders": [
                (
                    "django.template.loaders.locmem.Loader",
                    {
                        "fragment.html": "{% load i18n %}{% translate 'Yes' %} {{ n }}|{{ user }}|{% csrf_token %}|"
                        "{{ request.path }}|{{ perms }}"
                    },
                )
            ],
        },
    }
]


class Counting:
    """A context builder that counts its calls."""

    def __init__(self, n):
        self.n, self.calls = n, 0

    def __call__(self):
        self.calls += 1
        return {"n": self.n}


@pytest.fixture(autouse=True)
def _templates():
    with override_settings(TEMPLATES=TEMPLATES):
        yield


def test_a_version_is_rendered_once_and_a_new_version_again():
    first, second = Counting(1), Counting(2)

    assert fragments.fragment("fragment.html", ("v", 1), first) == "Yes 1||||"
    assert fragments.fragment("fragment.html", ("v", 1), second) == "Yes 1||||"  # cached: not built again
    assert (first.calls, second.calls) == (1, 0)
    assert fragments.fragment("fragment.html", ("v", 2), second) == "Yes 2||||"
    assert second.calls == 1


def test_each_language_has_its_own_fragment():
    with translation.override("fr"):
        french = fragments.fragment("fragment.html", "v", Counting(1))
    with translation.override("en"):
        english = fragments.fragment("fragment.html", "v", Counting(1))
    with translation.override("fr"):
        again = fragments.fragment("fragment.html", "v", Counting(3))

    assert (french, english, again) == ("Oui 1||||", "Yes 1||||", "Oui 1||||")


def test_without_a_version_the_fragment_is_live():
    built = Counting(1)

    fragments.fragment("fragment.html", None, built)
    fragments.fragment("fragment.html", None, built)

    assert built.calls == 2


def test_nothing_of_the_request_is_in_a_fragment(admin_user):
    request = RequestFactory().get("/somewhere/")
    request.user = admin_user
    # The same template rendered with the request shows the person, a CSRF token and the path ...
    from django.template.loader import render_to_string

    with_request = render_to_string("fragment.html", {"n": 1}, request=request)
    assert admin_user.get_username() in with_request and "csrfmiddlewaretoken" in with_request
    assert "/somewhere/" in with_request

    # ... a fragment is rendered without it, whatever context processors the project has.
    assert fragments.fragment("fragment.html", "v", Counting(1)) == "Yes 1||||"
