"""`{% regional_focal_points_of region_id as people %}`: the "whom to contact" section of a Party's page
(accounts/partials/party_contact.html), so that parties, below accounts, does not import it."""

from django import template

from tahub.accounts import selectors

register = template.Library()


@register.simple_tag
def regional_focal_points_of(region_id):
    """The Secretariat's regional focal points of one UN regional group who chose to be shown: one query."""
    return selectors.regional_focal_points_of(region_id) if region_id else []
