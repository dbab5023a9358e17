"""API: the decisions of the Conferences of the Parties."""

from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code
from tahub.parties import selectors as party_selectors

from .. import selectors

router = Router(tags=["decisions"])

# A decision number keeps its slash: SC-1/15.
DecisionNumber = Annotated[str, Field(max_length=20, pattern=r"^[A-Za-z0-9][A-Za-z0-9_./-]*$")]


class CopDecisionOut(Schema):
    number: str = Field(description="e.g. SC-1/15")
    convention: str = Field(description="BC, RC or SC")
    meeting: str = Field(description="e.g. COP-1")
    year: int
    title: str
    topics: list[str]
    verified: str = Field(description="yes, partial or no: how far a source confirms number and title")

    @staticmethod
    def resolve_convention(obj):
        return obj.convention.code

    @staticmethod
    def resolve_meeting(obj):
        return obj.meeting.code

    @staticmethod
    def resolve_topics(obj):
        return obj.topic_list


class DecisionFilters(Schema):
    convention: Code | None = Field(None, description="BC, RC or SC")
    topic: Code | None = Field(None, description="One whole topic, e.g. technical-assistance")
    meeting: Code | None = Field(None, description="Code of a meeting, e.g. COP-1")


@router.get(
    "/decisions",
    response={200: list[CopDecisionOut], 422: ErrorOut},
    operation_id="tahub_planning_api_list_decisions",
)
@paginate(PageNumberPagination)
def list_decisions(request, filters: Query[DecisionFilters]):
    """The COP decisions, by year and number."""
    check_known("convention", filters.convention, party_selectors.convention_codes)
    check_known("meeting", filters.meeting, selectors.meeting_codes)
    return selectors.decision_list(convention=filters.convention, topic=filters.topic, meeting=filters.meeting)


@router.get(
    "/decisions/{path:number}",
    response={200: CopDecisionOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_planning_api_get_decision",
)
def get_decision(request, number: Path[DecisionNumber]):
    """One decision by its number; the slash stays as it is: /api/v1/decisions/SC-1/15."""
    message = _("No decision has the number “%(number)s”.") % {"number": number}
    return get_or_404(selectors.decision_get, number, message=message)
