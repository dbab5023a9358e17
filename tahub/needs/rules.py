import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.directory.rules import is_member_of
from tahub.parties.models import Party
from tahub.parties.rules import is_contact_point_of


@rules.predicate
def answers_for(user, respondent):
    """The people who answer for a respondent: a Party's contact or focal points; an organisation's members."""
    if isinstance(respondent, Party):
        return is_contact_point_of(user, respondent)
    return is_member_of(user, respondent)


@rules.predicate
def answers_for_its_respondent(user, response):
    """The people who answer for a response's respondent (asked on a Response: its transitions' permissions)."""
    return answers_for(user, response.respondent)


add_perm("needs.open_cycle", is_secretariat, _("Only the Secretariat opens assessment cycles."))
add_perm("needs.view_cycles", is_secretariat, _("This page is for Secretariat staff only."))
add_perm(
    "needs.answer_response",
    answers_for | is_secretariat,
    _("Only the Party's contact point or focal points (or the organisation's members), or the Secretariat on "
      "their behalf, may answer for it."),
)  # fmt: skip
add_perm(
    "needs.view_response",
    answers_for | is_secretariat,
    _("Only the Party's contact point or focal points (or the organisation's members), and the Secretariat, "
      "may see its answers."),
)  # fmt: skip
add_perm(
    "needs.submit_response",
    answers_for_its_respondent | is_secretariat,
    _("Only the Party's contact point or focal points (or the organisation's members), or the Secretariat on "
      "their behalf, may answer for it."),
)  # fmt: skip
add_perm("needs.reopen_response", is_secretariat, _("Only the Secretariat reopens a submitted response."))
add_perm(
    "needs.request_reopen",
    answers_for,
    _("Only the Party's contact point or focal points (or the organisation's members) may ask to reopen its response."),
)
