from django import template

from tahub.core.sources import source_list

register = template.Library()


@register.filter
def sources(text):
    """A `sources` value as [(name, address or "")]: see tahub.core.sources.source_list."""
    return source_list(text)
