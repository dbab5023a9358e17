from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import Assignment, Attachment, DeliveryReport, ServiceLevel, State, TARequest


@admin.register(ServiceLevel)
class ServiceLevelAdmin(SimpleHistoryAdmin):
    list_display = ["step", "working_days"]


@admin.register(TARequest)
class TARequestAdmin(ReadOnlyHistoryAdmin):
    """Read-only here: requests move only through their workflow (the request page or the API)."""

    list_display = ["reference", "party", "title", "state", "submitted_at", "owner"]
    list_filter = ["state", "party__country__region", "received_by_letter"]
    search_fields = ["reference", "title", "party__country__name"]
    list_select_related = ["party__country", "owner"]

    def get_queryset(self, request):
        """Drafts are the Party's alone, here as on the pages (rules.py): only submitted requests are listed."""
        return super().get_queryset(request).exclude(state=State.DRAFT)


@admin.register(Assignment)
class AssignmentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["request", "organisation", "assigned_by", "warning"]
    list_select_related = ["request", "organisation", "assigned_by"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyHistoryAdmin):
    list_display = ["request", "title", "file", "uploaded_by"]
    list_select_related = ["request", "uploaded_by"]

    def get_queryset(self, request):
        return super().get_queryset(request).exclude(request__state=State.DRAFT)


@admin.register(DeliveryReport)
class DeliveryReportAdmin(ReadOnlyHistoryAdmin):
    list_display = ["assignment", "start", "end", "reported_by"]
    list_select_related = ["assignment__request", "assignment__organisation", "reported_by"]
