"""The costly part of a public page rendered once per version of its data and language (issue 13), not once per
request: a page whose figures change only when staff publish them, or on a schedule, keeps the HTML of its
content in Django's cache (per process unless CACHES points at a shared one).

`fragment(template_name, version, context)` renders `template_name` with `context()` (called only when the
fragment is not cached, so the figures, charts and maps are not even built then) and caches the HTML under the
template's name, `version`, the active language and the script prefix. `version` must change whenever anything
the fragment shows changes: the data's own version (when they were computed, published or edited) and every
parameter of the request that the fragment shows (a chosen theme). `version=None` renders it live, uncached
(the Secretariat's views of the same pages, which show the figures as they are now).

The fragment is rendered WITHOUT the request: no context processor runs, so nothing of the person who asked (the
navigation, their name, a CSRF token, their permissions) can end up in the cached HTML; the page's template
puts the fragment inside its own, which is rendered for each request with all of that.
"""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.urls import get_script_prefix
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

TIMEOUT = 60 * 60  # the key changes with the data; this only bounds the memory held by versions no longer asked


def key(template_name, version):
    parts = [template_name, version, translation.get_language(), get_script_prefix()]
    return "fragment:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]


def fragment(template_name, version, context, *, timeout=TIMEOUT) -> SafeString:
    """The HTML of `template_name` rendered with `context()` and no request, cached under `version` (see the
    module's docstring); live when `version` is None."""
    if version is None:
        return mark_safe(render_to_string(template_name, context()))  # noqa: S308 (a template's output)
    name = key(template_name, version)
    html = cache.get(name)
    if html is None:
        html = render_to_string(template_name, context())
        cache.set(name, html, timeout)
    return mark_safe(html)  # noqa: S308 (a template's output, escaped when it was rendered)
