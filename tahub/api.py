"""The REST API at /api/v1/: each app contributes its router; the OpenAPI document is generated."""

from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI

from tahub.parties.api import router as parties_router

api = NinjaAPI(
    title="TA Hub API",
    version="1",
    description=str(
        _("Technical assistance under the Stockholm Convention: Parties, centres, decisions, vocabularies.")
    ),
    urls_namespace="api",
)
api.add_router("/", parties_router)
