"""`{% delivery_record organisation as record %}`: the assistance record on an organisation's page
(assistance/partials/organisation_record.html), so that directory, below assistance, does not import it."""

from django import template

from tahub.assistance import selectors

register = template.Library()


@register.simple_tag
def delivery_record(organisation):
    """[(year, requests)] delivered or closed with this organisation assigned: one query."""
    return selectors.delivery_record(organisation)
