from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from tahub.api import api
from tahub.core import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("tahub.core.urls")),
    path("parties/", include("tahub.parties.urls")),
    path("centres/", include("tahub.centres.urls")),
    path("decisions/", include("tahub.planning.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
