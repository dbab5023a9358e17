import rules
from django.utils.translation import gettext_lazy as _

from tahub.core.rules import add_perm, is_secretariat
from tahub.directory.rules import is_member_of

from .models import FocalPoint


@rules.predicate
def is_focal_point_of(user, organisation):
    """The observer focal point of this organisation: approves its representatives."""
    if organisation is None or not user.is_authenticated:
        return False
    return FocalPoint.objects.filter(user=user, organisation=organisation).exists()


add_perm("observers.review_application", is_secretariat, _("Only the Secretariat reviews observer applications."))
add_perm(
    "observers.manage_meetings", is_secretariat, _("Only the Secretariat opens meetings to observers and edits them.")
)
add_perm(
    "observers.view_observer_list", is_secretariat, _("Only the Secretariat sees the representatives at a meeting.")
)
add_perm(
    "observers.propose_representative",
    is_member_of | is_focal_point_of,
    _("Only members of the organisation may see and propose its representatives."),
)
add_perm(
    "observers.approve_registration",
    is_focal_point_of,
    _("Only the organisation's focal point registers and approves its representatives."),
)
add_perm(
    "observers.view_registration_files",
    is_focal_point_of | is_secretariat,
    _("Only the organisation's focal point and the Secretariat see representatives' photos and letters."),
)
