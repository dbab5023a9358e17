"""API: the mandates — decision paragraphs known to TA Hub, and the mandate coverage (what cites each paragraph
that asks for technical assistance). Public reads."""

from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import stored_in_every_language

from .. import coverage, selectors

router = Router(tags=["plan"])


class ParagraphOut(stored_in_every_language("text")):
    """text_en ... text_ru: blank where no source gave the text in that language."""

    decision: str = Field(description="e.g. SC-5/20")
    number: str = Field(description="e.g. 8 or 8 (a)")
    asks_for_assistance: bool
    notes: str

    @staticmethod
    def resolve_decision(obj):
        return obj.decision.number


class CoverageOut(Schema):
    decision: str
    paragraph: str
    answered: bool
    answers: dict[str, int] = Field(description="Number of citing records per kind, e.g. programme activities")
    delivered: dict[str, int] = Field(
        description="Number of records that delivered the programme activities citing it, per kind (events, …)"
    )


@router.get(
    "/decision-paragraphs",
    response={200: list[ParagraphOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_list_paragraphs",
)
@paginate(PageNumberPagination)
def list_paragraphs(
    request,
    decision: str | None = Query(
        None, max_length=20, pattern=r"^[A-Za-z0-9][A-Za-z0-9_./-]*$", description="e.g. SC-1/15"
    ),
    asks_for_assistance: bool | None = None,
):
    """Decision paragraphs known to TA Hub (their text only where a source gave it)."""
    return selectors.paragraph_list(decision=decision, asks_for_assistance=asks_for_assistance)


@router.get(
    "/mandate-coverage",
    response={200: list[CoverageOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_mandate_coverage",
)
def mandate_coverage(request):
    """Each decision paragraph that asks for technical assistance, with how many records of each kind cite it."""
    paragraphs, _kinds = coverage.coverage(request.user)
    return [
        {
            "decision": p.decision.number,
            "paragraph": p.number,
            "answered": p.answered,
            "answers": {str(answer.kind): answer.count for answer in p.answers},
            "delivered": {str(answer.kind): answer.count for answer in p.deliveries},
        }
        for p in paragraphs
    ]
