import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat

rules.add_perm("planning.view_decision", rules.always_allow)
# The plan, the programme of work, the mandate coverage and the IATI export are public.
rules.add_perm("planning.view_programme", rules.always_allow)
add_perm(
    "planning.change_programme", is_secretariat, _("Only the Secretariat keeps the plan and the programme of work.")
)
