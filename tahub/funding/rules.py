import rules
from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import add_perm, is_secretariat


@rules.predicate
def is_published(user, proposal):
    return proposal is not None and proposal.state == proposal.State.PUBLISHED


add_perm("funding.view_proposal", is_published | is_secretariat, _("This proposal is not published."))
add_perm("funding.change_proposal", is_secretariat, _("Only the Secretariat drafts, reviews and publishes proposals."))
add_perm("funding.change_pledge", is_secretariat, _("Only the Secretariat records donors, pledges and payments."))
add_perm("funding.view_pledge", is_secretariat, _("Only the Secretariat sees each pledge; the public sees totals."))
