"""`{% events_organised_by organisation as events %}`: the include shown on organisation and centre pages."""

from django import template

from tahub.events import selectors

register = template.Library()


@register.simple_tag
def events_organised_by(organisation, limit=20):
    """The latest published events the organisation organised or partnered: one query."""
    return selectors.events_organised_by(organisation, limit=limit) if organisation else []
