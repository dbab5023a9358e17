"""`{% centres_near party as centres %}`: the regional centres section of a Party's page
(centres/partials/party_centres.html), so that parties, below centres, does not import it."""

from django import template

from tahub.centres import selectors
from tahub.core.links import url_pattern

register = template.Library()


@register.simple_tag
def centres_near(party):
    """The centres hosted by the Party's country or serving its UN region, as their names and host countries
    (`selectors.centres_near`), each with its URL (reversed once a page)."""
    url = url_pattern("centres:detail")
    return [{**centre, "url": url.format(centre["code"])} for centre in selectors.centres_near(party.country)]
