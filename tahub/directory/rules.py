import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat

from .models import Membership


@rules.predicate
def is_member_of(user, organisation):
    """A member of this organisation (a provider, or a regional centre's host): a role the Membership table owns."""
    if organisation is None or not user.is_authenticated:
        return False
    return Membership.objects.filter(user=user, organisation=organisation).exists()


@rules.predicate
def is_listed(user, organisation):
    return organisation is not None and organisation.listed


add_perm("directory.view_organisation", is_listed | is_secretariat, _("This entry is not listed."))
add_perm(
    "directory.change_organisation",
    is_member_of | is_secretariat,
    _("Only members of the organisation or the Secretariat may change its entry."),
)
add_perm("directory.view_corrections", is_secretariat, _("Only the Secretariat sees the corrections sent in."))
add_perm("directory.review_listing", is_secretariat, _("Only the Secretariat reviews listing requests."))
