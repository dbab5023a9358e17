import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.directory.rules import is_member_of


@rules.predicate
def is_centre_member(user, centre):
    return centre is not None and centre.organisation_id is not None and is_member_of(user, centre.organisation)


@rules.predicate
def acts_for_a_party(user):
    return user.is_authenticated and user.contact_points.exists()


rules.add_perm("centres.view_regionalcentre", rules.always_allow)
add_perm(
    "centres.report_activities",
    is_centre_member | is_secretariat,
    _("Only the centre's own staff (members of its organisation) or the Secretariat may report for a centre."),
)
add_perm("centres.evaluate", is_secretariat, _("Only the Secretariat evaluates centres."))
add_perm("centres.accept_report", is_secretariat, _("Only the Secretariat accepts a centre's activity report."))
add_perm(
    "centres.give_feedback",
    acts_for_a_party,
    _("Only a Party's official contact point or focal points may give feedback on a centre."),
)
