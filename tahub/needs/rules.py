from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import add_perm, is_contact_point_of, is_secretariat

add_perm("needs.open_cycle", is_secretariat, _("Only the Secretariat opens assessment cycles."))
add_perm("needs.view_cycles", is_secretariat, _("This page is for Secretariat staff only."))
add_perm(
    "needs.answer_response",
    is_contact_point_of | is_secretariat,
    _("Only the Party's contact point or focal points, or the Secretariat on its behalf, may answer for it."),
)
add_perm(
    "needs.view_response",
    is_contact_point_of | is_secretariat,
    _("Only the Party's contact point or focal points, and the Secretariat, may see its answers."),
)
add_perm("needs.reopen_response", is_secretariat, _("Only the Secretariat reopens a submitted response."))
