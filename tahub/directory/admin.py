from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import PrivateLinkApplicationAdmin

from .models import Correction, ListingDocument, ListingMessage, ListingRequest, Membership, Organisation


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin, SimpleHistoryAdmin):  # a field per language, grouped
    list_display = ["name", "short_name", "kind", "country"]
    list_filter = ["kind"]
    search_fields = ["name", "short_name", "slug"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["user", "organisation"]
    search_fields = ["user__email", "organisation__name"]
    list_select_related = ["user", "organisation"]
    autocomplete_fields = ["user", "organisation"]


@admin.register(ListingRequest)
class ListingRequestAdmin(PrivateLinkApplicationAdmin):
    list_display = ["name", "kind", "country", "state", "created_at", "decided_at"]
    list_filter = ["state", "kind"]
    search_fields = ["name", "short_name", "contact_email"]


@admin.register(ListingMessage)
class ListingMessageAdmin(SimpleHistoryAdmin):
    list_display = ["listing_request", "author", "from_applicant", "sent_at"]
    list_select_related = ["listing_request", "author"]


@admin.register(ListingDocument)
class ListingDocumentAdmin(SimpleHistoryAdmin):
    list_display = ["listing_request", "file", "created_at"]
    list_select_related = ["listing_request"]


@admin.register(Correction)
class CorrectionAdmin(SimpleHistoryAdmin):
    list_display = ["organisation", "reporter_email", "resolution", "resolved_at"]
    list_filter = ["resolution"]
    list_select_related = ["organisation"]
