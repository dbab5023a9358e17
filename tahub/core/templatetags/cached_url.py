"""`{% cached_url "name" %}`: `{% url "name" %}` for the URLs without arguments on every page (the header's,
the footer's, the language form's), reversed once per process (`core.links.cached_reverse`): the same HTML."""

from django import template

from ..links import cached_reverse

register = template.Library()


@register.simple_tag
def cached_url(name):
    return cached_reverse(name)
