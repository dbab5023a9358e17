import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.directory.models import Membership


@rules.predicate
def is_published(user, proposal):
    return proposal is not None and proposal.state == proposal.State.PUBLISHED


@rules.predicate
def is_donor_member(user, pledge=None):
    """A member of an organisation that gives: with a pledge, of that pledge's donor; without, of any donor."""
    if not user.is_authenticated:
        return False
    mine = Membership.objects.filter(user=user)
    if pledge is None:
        return mine.filter(organisation__donors__isnull=False).exists()
    return pledge.donor.organisation_id is not None and mine.filter(organisation=pledge.donor.organisation_id).exists()


add_perm("funding.view_proposal", is_published | is_secretariat, _("This proposal is not published."))
add_perm("funding.change_proposal", is_secretariat, _("Only the Secretariat drafts, reviews and publishes proposals."))
add_perm("funding.change_pledge", is_secretariat, _("Only the Secretariat records donors, pledges and payments."))
add_perm(
    "funding.view_pledge",
    is_secretariat | is_donor_member,
    _("Only the Secretariat and the donor's own members see each pledge; the public sees totals."),
)
