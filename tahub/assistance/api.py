"""API for technical assistance requests: the same selectors, services and rules as the pages.

Every endpoint needs a personal API token. A request another Party filed answers 404, as on the pages.
"""

from datetime import date, datetime
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination, Rows
from tahub.core.api_types import BodyIn, Code, resolve
from tahub.core.rules import is_secretariat
from tahub.directory.models import Organisation
from tahub.parties.models import Convention, Party
from tahub.parties.selectors import region_codes
from tahub.vocabularies.models import AssistanceType, Chemical, Theme

from . import actions, selectors, services
from .models import Language, State

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
RequestState = StrEnum("RequestState", {state.name: state.value for state in State})

router = Router(tags=["requests"], auth=token_auth)
NOT_FOUND = gettext_lazy("No request with this reference is visible to you.")
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


# Read from plain rows (selectors.api_request_rows), not model instances: the field names are the rows' keys.
class AssignmentOut(Schema):
    organisation: str
    role: str
    warning: str


class RequestOut(Schema):
    reference: str
    party: str
    title: str
    description: str
    expected_results: str
    state: RequestState
    themes: list[str]
    assistance_types: list[str]
    chemicals: list[str]
    conventions: list[str]
    language: Language
    desired_start: date | None
    desired_end: date | None
    received_by_letter: bool
    message: str
    submitted_at: datetime | None
    decided_at: datetime | None
    delivered_at: datetime | None
    closed_at: datetime | None
    assignments: list[AssignmentOut]
    version: int = Field(description="Send it back with PATCH: an edit from an older version answers 409.")


class RequestIn(BodyIn):
    title: str = Field("", max_length=200)
    description: str = Field("", max_length=20000)
    expected_results: str = Field("", max_length=20000)
    themes: list[Code] = []
    assistance_types: list[Code] = []
    chemicals: list[Code] = []
    conventions: list[Code] = []
    language: Language = Language.EN
    desired_start: date | None = None
    desired_end: date | None = None


class RequestUpdateIn(RequestIn):
    version: int = Field(
        ge=0,
        description="The request's `version` you read. If it was saved since, the answer is 409 and nothing is saved.",
    )


class RequestCreateIn(RequestIn):
    party: Code = Field(description="ISO 3166 alpha-3 code of the Party, e.g. KEN")


class ActionIn(BodyIn):
    seen_state: RequestState = Field(description="The state you last saw; if it moved since, the answer is 409.")
    message: str = Field("", max_length=5000, description="ask-information: what is needed")
    reason: str = Field("", max_length=5000, description="decline: why")
    organisations: list[Code] = Field([], description="assign: the providers' codes")
    role: str = Field("", max_length=300, description="assign: what they deliver")
    satisfaction: int | None = Field(None, ge=1, le=5, description="close: 1 (poor) to 5 (excellent)")
    comment: str = Field("", max_length=5000, description="close: the Party's comment")


def _tags(data):
    """Slugs and codes → objects; an unknown one is a 422 naming it."""
    vocabularies = {
        "themes": (Theme, "slug"),
        "assistance_types": (AssistanceType, "slug"),
        "chemicals": (Chemical, "slug"),
        "conventions": (Convention, "code"),
    }
    resolved = dict(data)
    for name, (model, key) in vocabularies.items():
        if name in data:
            resolved[name] = resolve(model, data[name] or [], key, name=name)
    return resolved


def _get(request, reference):
    return get_or_404(selectors.request_get, request.user, reference, message=str(NOT_FOUND))


def _answer(request, reference):
    """The request as RequestOut shows it."""
    return get_or_404(selectors.api_request_get, request.user, reference, message=str(NOT_FOUND))


@router.get("/requests", response={200: list[RequestOut], 401: ErrorOut, 422: ErrorOut})
@paginate(PageNumberPagination)
def list_requests(request, state: RequestState | None = None, region: Code | None = None, theme: Code | None = None):
    """The requests you may see (your Party's; assigned to your organisation; all, for staff), newest first."""
    check_known("region", region, region_codes)
    check_known("theme", theme, lambda: list(Theme.objects.values_list("slug", flat=True)))
    requests = selectors.api_request_list(request.user, state=state, region=region, theme=theme)
    return Rows(requests, selectors.api_request_rows)


@router.get("/requests/{reference}", response={200: RequestOut, **ERRORS})
def get_request(request, reference: Code):
    return _answer(request, reference)


@router.post("/requests", response={201: RequestOut, **ERRORS})
def create_request(request, payload: RequestCreateIn):
    """Open a draft for a Party you act for (staff: on a Party's behalf, marked as received by letter)."""
    data = payload.dict()
    iso3 = data.pop("party").upper()
    if not Party.objects.filter(convention__code="SC", country__iso3=iso3).exists():
        raise ValidationError({"party": _("No Party to the Stockholm Convention has the code %s.") % iso3})
    party = selectors.parties_user_may_file_for(request.user).filter(country__iso3=iso3).first()
    if party is None:
        raise HttpError(403, _("You may not file requests for %s.") % iso3)
    created = services.create_request(
        party=party, by=request.user, data=_tags(data), received_by_letter=is_secretariat(request.user)
    )
    return Status(201, _answer(request, created.reference))


@router.patch("/requests/{reference}", response={200: RequestOut, **ERRORS})
def update_request(request, reference: Code, payload: RequestUpdateIn, seen_state: RequestState = RequestState.DRAFT):
    """Change a draft (or a request the Secretariat asked more information about): only the fields sent, with
    the `version` you read (409 if someone saved it since, naming who and what)."""
    ta_request = _get(request, reference)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    services.update_draft(ta_request, by=request.user, data=_tags(data), seen_state=seen_state, version=version)
    return Status(200, _answer(request, reference))


@router.post("/requests/{reference}/{action}", response={200: RequestOut, **ERRORS})
def move_request(request, reference: Code, action: Code, payload: ActionIn):
    """One move of the workflow: submit, start-review, ask-information, accept, decline, assign,
    start-delivery, delivered, close, withdraw."""
    ta_request = _get(request, reference)
    if action not in actions.ACTIONS:
        raise HttpError(404, _("Unknown action. Use one of: %s.") % ", ".join(actions.ACTIONS))
    spec = actions.ACTIONS[action]
    spec.require(request.user, ta_request)
    fields = set(spec.form.base_fields)
    values = payload.dict()
    if "organisations" in fields:
        values["organisations"] = resolve(Organisation, payload.organisations, name="organisations")
    kwargs = {name: values[name] for name in fields}
    spec.service(ta_request, by=request.user, **kwargs)
    return Status(200, _answer(request, reference))
