"""API: personal API tokens as the authentication of the write endpoints, and who a token belongs to.

A client sends ``Authorization: Bearer <token>``; a person creates (and revokes) their tokens on
/account/api-tokens/, an operator with ``python manage.py create_api_token EMAIL``; only the digest is kept.
"""

from django.utils.translation import gettext_lazy as _
from ninja import Router, Schema
from ninja.security import HttpBearer

from tahub.core.api_errors import ErrorOut

from .tokens import user_for_token


class ApiTokenAuth(HttpBearer):
    """Authenticates a personal API token; ``request.auth`` is then the user it belongs to."""

    # The security scheme in the OpenAPI document; Swagger UI renders it as Markdown, so the example is code
    # (an HTML-like "<token>" would be dropped, leaving "Bearer ”").
    openapi_bearerFormat = "tah_…"
    openapi_description = str(
        _(
            "A personal API token, sent as `Authorization: Bearer tah_…` (the whole token in place of `tah_…`). "
            "Create and revoke tokens on /account/api-tokens/ when signed in."
        )
    )

    def authenticate(self, request, token):
        user = user_for_token(token.strip())
        if user is not None:
            request.user = user
        return user


token_auth = ApiTokenAuth()

router = Router(tags=["accounts"])


class MeOut(Schema):
    email: str
    name: str
    is_staff: bool


@router.get("/me", response={200: MeOut, 401: ErrorOut}, auth=token_auth)
def me(request):
    """The person the API token belongs to."""
    return request.auth
