"""API of Parties' feedback on a centre's services: a Party's contact or focal points give it; the Secretariat's
evaluators read it. A personal API token; the same services and permissions as the pages."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_types import BodyIn, Code
from tahub.core.rules import require
from tahub.parties.models import Party

from .. import selectors, services

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class CentreFeedbackIn(BodyIn):
    party: Code = Field(description="ISO 3166 alpha-3 code of the Party you act for")
    rating: int = Field(description="From 1 (poor) to 5 (excellent)")
    comment: str = Field("", max_length=5000)


class CentreFeedbackOut(Schema):
    party: str = Field(alias="party.country.iso3")
    rating: int
    comment: str
    created_at: datetime


@router.post(
    "/centres/{code}/feedback",
    response={201: CentreFeedbackOut, **ERRORS},
    operation_id="tahub_centres_workplan_api_give_feedback",
)
def give_feedback(request, code: Path[Code], payload: CentreFeedbackIn):
    """A Party's official contact point or focal point rates the centre's services (1–5), with a comment, in
    the name of a Party they act for (another Party's name is refused, 403)."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.give_feedback")

    def give():
        party = Party.objects.filter(convention__code="SC", country__iso3=payload.party.upper()).first()
        if party is None:
            raise ValidationError({"party": _("No Party has the code “%s”.") % payload.party})
        return services.give_feedback(
            centre=centre, party=party, by=request.auth, rating=payload.rating, comment=payload.comment
        )

    feedback = give()
    return Status(201, feedback)


@router.get(
    "/staff/centres/{code}/feedback",
    response={200: list[CentreFeedbackOut], **ERRORS},
    operation_id="tahub_centres_workplan_api_list_feedback",
)
def list_feedback(request, code: Path[Code]):
    """Parties' feedback on the centre, newest first, for the Secretariat's evaluators."""
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    require(request.auth, "centres.evaluate")
    return list(centre.feedback.select_related("party__country")[:500])
