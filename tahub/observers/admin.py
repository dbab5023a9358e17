from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import PrivateLinkApplicationAdmin

from .models import (
    ApplicationDocument,
    ApplicationMessage,
    Exemption,
    FocalPoint,
    ObserverApplication,
    ObserverMeeting,
    Registration,
)


@admin.register(ObserverMeeting)
class ObserverMeetingAdmin(SimpleHistoryAdmin):
    list_display = ["code", "title", "body", "start", "registration_deadline"]
    list_filter = ["body"]
    search_fields = ["code", "title"]


@admin.register(Exemption)
class ExemptionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "kind", "organisation", "basis"]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation"]


@admin.register(FocalPoint)
class FocalPointAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(ObserverApplication)
class ObserverApplicationAdmin(PrivateLinkApplicationAdmin):
    list_display = ["name", "kind", "country", "state", "created_at", "decided_at"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "short_name", "contact_email"]


@admin.register(ApplicationMessage)
class ApplicationMessageAdmin(SimpleHistoryAdmin):
    list_display = ["application", "author", "from_applicant", "sent_at"]
    list_select_related = ["application", "author"]


@admin.register(ApplicationDocument)
class ApplicationDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["application", "file", "created_at"]
    list_select_related = ["application"]


@admin.register(Registration)
class RegistrationAdmin(SimpleHistoryAdmin):
    """Read-only: the organisation's focal point approves its representatives."""

    list_display = ["name", "organisation", "meeting", "state"]
    list_filter = ["state", "meeting"]
    search_fields = ["name", "organisation__name"]
    list_select_related = ["organisation", "meeting"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
