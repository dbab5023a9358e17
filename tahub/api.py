"""The REST API at /api/v1/: each app contributes its router; the OpenAPI document is generated.

The interactive documentation at /api/v1/docs is Swagger UI served from ninja's bundled static files, so it
works under our Content Security Policy ('self' only) and without the internet.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from ninja import NinjaAPI, Swagger

from tahub.accounts.api import router as accounts_router
from tahub.assistance.api import router as assistance_router
from tahub.centres.api import router as centres_router
from tahub.core.api_errors import install_error_handlers
from tahub.core.i18n import in_requested_language, language_parameter
from tahub.directory.api import router as directory_router
from tahub.events.api import router as events_router
from tahub.funding.api import router as funding_router
from tahub.needs.api import router as needs_router
from tahub.observers.api import router as observers_router
from tahub.parties.api import router as parties_router
from tahub.planning.api import router as planning_router
from tahub.vocabularies.api import router as vocabularies_router


class TAHubAPI(NinjaAPI):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._documents = {}  # {(language, path prefix): the OpenAPI document}

    def get_openapi_schema(self, *, path_prefix=None, path_params=None):
        """The OpenAPI document, made once per process for each language and path prefix (ninja makes it on each
        call: ~0.3 s of CPU for every GET of /api/v1/openapi.json). Every operation declares `?lang=`, which
        in_requested_language reads for all of them. Shared: read it, never change it."""
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        key = (get_language(), path_prefix)
        if key not in self._documents:
            schema = super().get_openapi_schema(path_prefix=path_prefix)
            for operations in schema["paths"].values():
                for operation in operations.values():
                    operation.setdefault("parameters", []).append(language_parameter())
            self._documents[key] = schema
        return self._documents[key]


api = TAHubAPI(
    title="TA Hub API",
    version="1",
    description=str(
        _(
            "Technical assistance under the Stockholm Convention: Parties, centres, decisions, vocabularies. "
            "Lists are paginated with page and page_size (at most 100). Errors answer "
            '`{"detail": ..., "errors": [...]}`. Endpoints that need a personal API token say so; send it '
            "in the header `Authorization: Bearer tah_…` (your token, which starts with `tah_`, in place of "
            "`tah_…`). Create one on your account's API tokens page (/account/api-tokens/)."
        )
    ),
    urls_namespace="api",
    docs=Swagger(settings={"validatorUrl": None}),
    docs_url="/docs",
)
install_error_handlers(api)
api.add_decorator(in_requested_language, mode="view")  # ?lang=fr: the answer and its errors in French

for router in (
    parties_router,
    centres_router,
    planning_router,
    vocabularies_router,
    accounts_router,
    assistance_router,
    directory_router,
    observers_router,
    events_router,
    funding_router,
    needs_router,
):
    api.add_router("/", router)
