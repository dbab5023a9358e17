"""The language form's options written out in Python (issue 13): the same HTML as the template loop over
`get_language_info_list` (tests/core/test_language_options.py compares them), on every page, for a few dozen
Python calls instead of ~2,000."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

register = template.Library()


@lru_cache(maxsize=4)
def _options(languages):
    """[(code, the option's start tag without its end, the rest)] for settings.LANGUAGES, built once."""
    rows = []
    for code, _name in languages:
        name = get_language_info(code)["name_local"]
        rows.append((code, f'<option value="{escape(code)}" lang="{escape(code)}"', f">{escape(name)}</option>"))
    return rows


@register.simple_tag
def language_options():
    """The <option>s of the languages offered, the current one selected."""
    current = get_language()
    options = _options(tuple(settings.LANGUAGES))
    return mark_safe("".join(f"{start}{' selected' if code == current else ''}{rest}" for code, start, rest in options))  # noqa: S308 (codes and names escaped above)
