"""`{% centres_near party as centres %}`: the regional centres section of a Party's page
(centres/partials/party_centres.html), so that parties, below centres, does not import it."""

from django import template

from tahub.centres import selectors

register = template.Library()


@register.simple_tag
def centres_near(party):
    """The centres hosted by the Party's country or serving its UN region, without their endorsements: the
    section shows none (a query and ~3,100 Python calls a request fewer; issue 13)."""
    return selectors.centres_for_country(party.country).prefetch_related(None)
