"""A Party's feedback on a centre's services."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from tahub.core.rules import require

from ..models import Feedback, RegionalCentre

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.parties.models import Party


@transaction.atomic
def give_feedback(*, centre: RegionalCentre, party: Party, by: User, rating: int, comment: str = "") -> Feedback:
    """A Party's contact or focal point rates the centre's services (1–5), with a comment."""
    require(by, "centres.give_feedback")
    if not by.contact_points.filter(party=party).exists():
        raise PermissionDenied(_("You may give feedback only for your own Party."))
    feedback = Feedback(centre=centre, party=party, rating=rating, comment=comment, given_by=by)
    feedback.full_clean()
    feedback._change_reason = "centres.feedback.given"
    feedback.save()
    return feedback
