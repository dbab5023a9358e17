"""Who may see the dashboards: every signed-in person their own; the Secretariat the programme's overview."""

from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_authenticated, is_secretariat

add_perm("reports.view_dashboard", is_authenticated, _("Sign in to see what waits for you."))
add_perm("reports.view_programme_overview", is_secretariat, _("Only the Secretariat sees the programme's overview."))
add_perm("reports.view_missing_translations", is_secretariat, _("Only Secretariat staff see the missing translations."))
