from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from tahub.accounts import views as account_views
from tahub.api import api
from tahub.core import health, mail_views
from tahub.core.api_errors import api_not_found
from tahub.reports.missing_translations import MissingTranslationsView

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("staff/healthz", health.signed_in_healthz, name="signed_in_healthz"),  # the benchmark's signed-in floor
    path("i18n/setlang/", account_views.set_language, name="set_language"),  # the cookie, and the account's language
    path("accounts/", include("allauth.urls")),
    path("api/v1/", api.urls),
    re_path(r"^api/", api_not_found),
    path("admin/", admin.site.urls),
    path("staff/failed-emails/", mail_views.FailedEmailsView.as_view(), name="failed_emails"),
    path("staff/translations/", MissingTranslationsView.as_view(), name="missing_translations"),
    path(
        "staff/failed-emails/<uuid:pk>/send-again/", mail_views.SendAgainView.as_view(), name="failed_email_send_again"
    ),
    path("", include("tahub.accounts.urls")),
    path("", include("tahub.core.urls")),
    path("contact/", account_views.ContactView.as_view(), name="contact"),  # core's page, with the roles' people
    path("parties/", include("tahub.parties.urls")),
    path("centres/", include("tahub.centres.urls")),
    path("decisions/", include("tahub.planning.urls")),
    path("plan/", include("tahub.planning.plan_urls")),
    path("staff/planning/", include("tahub.planning.staff_urls")),
    path("iati/", include("tahub.reports.urls")),
    path("dashboard/", include("tahub.reports.dashboard_urls")),
    path("requests/", include("tahub.assistance.urls")),
    path("directory/", include("tahub.directory.urls")),
    path("staff/directory/", include("tahub.directory.staff_urls")),
    path("observers/", include("tahub.observers.urls")),
    path("staff/observers/", include("tahub.observers.staff_urls")),
    path("staff/centres/", include("tahub.centres.staff_urls")),
    path("needs/", include("tahub.needs.urls")),
    path("staff/needs/", include("tahub.needs.staff_urls")),
    path("proposals/", include("tahub.funding.urls")),
    path("staff/funding/", include("tahub.funding.staff_urls")),
    path("events/", include("tahub.events.urls")),
    path("staff/events/", include("tahub.events.staff_urls")),
]

# django-debug-toolbar in development only (settings.DEBUG_TOOLBAR: DEBUG and TAHUB_DEBUG_TOOLBAR=1, never in tests).
if settings.DEBUG_TOOLBAR:
    from debug_toolbar.toolbar import debug_toolbar_urls

    urlpatterns += debug_toolbar_urls()

# The site's own error pages (tahub/core/error_pages.py; with DEBUG its middleware renders them too).
handler404 = "tahub.core.error_pages.page_not_found"
handler403 = "tahub.core.error_pages.permission_denied"
handler500 = "tahub.core.error_pages.server_error"

# No route serves MEDIA_ROOT, in any mode: uploaded files are answered only by their permission-checked views
# (tahub/core/uploads.py).
