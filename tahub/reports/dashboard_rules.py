"""Who may see the dashboards: every signed-in person their own; the Secretariat the programme's overview."""

from django.utils.translation import gettext_lazy as _

from tahub.accounts.rules import add_perm, is_secretariat
from tahub.core.rules import is_authenticated

add_perm("reports.view_dashboard", is_authenticated, _("Sign in to see what waits for you."))
add_perm("reports.view_programme_overview", is_secretariat, _("Only the Secretariat sees the programme's overview."))
