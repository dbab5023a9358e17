import rules
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import add_perm, is_member_of, is_secretariat


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
