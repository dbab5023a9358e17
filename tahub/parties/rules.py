"""Who may do what with Parties, and the roles the ContactPoint table owns: a Party's official contact point and
the focal points it delegates to. (Changing a country's eligibility needs a Secretariat role: that permission,
"parties.change_country", is declared in accounts/rules.py, with the StaffRole predicates.)"""

import rules

from .models import ContactPoint

# Reference data is public: anyone, signed in or not, may read it.
rules.add_perm("parties.view_party", rules.always_allow)
rules.add_perm("parties.view_region", rules.always_allow)


@rules.predicate
def is_contact_point_of(user, party):
    """The official contact point, or a focal point, of this Party."""
    if party is None or not user.is_authenticated:
        return False
    return ContactPoint.objects.filter(user=user, party=party).exists()


@rules.predicate
def is_official_contact_point(user, party):
    """The official contact point of this Party."""
    if party is None or not user.is_authenticated:
        return False
    return ContactPoint.objects.filter(user=user, party=party, kind=ContactPoint.Kind.OFFICIAL).exists()
