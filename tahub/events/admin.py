from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin
from tahub.core.translated import language_fields

from .models import Event, Material, Registration, SurveyResponse


class MaterialInline(admin.TabularInline):
    model = Material
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(TranslationAdmin, ReadOnlyHistoryAdmin):  # a field per language, grouped
    """Read-only here: events and their materials are written on the staff pages (/staff/events/), whose
    services place the times in the event's zone, check the dates and refuse a stale edit."""

    list_display = ["slug", "title_en", "kind", "starts_on", "mode", "state"]
    list_filter = ["state", "kind", "mode", "registration_mode"]
    search_fields = ["slug", *language_fields("title")]
    inlines = [MaterialInline]


@admin.register(Registration)
class RegistrationAdmin(ReadOnlyHistoryAdmin):
    """Read-only here: nominations move through the staff nomination list, which checks places and quotas."""

    list_display = ["name", "email", "event", "party", "state", "attended"]
    list_filter = ["state", "attended"]
    search_fields = ["name", "email", "event__slug"]
    list_select_related = ["event", "party__country"]
    exclude = ["token"]


@admin.register(Material)
class MaterialAdmin(ReadOnlyHistoryAdmin):
    list_display = ["title", "kind", "event", "public"]
    list_select_related = ["event"]


@admin.register(SurveyResponse)
class SurveyResponseAdmin(ReadOnlyHistoryAdmin):
    """Who answered which questionnaire, when; the answers themselves are shown only aggregated (results pages)."""

    list_display = ["registration", "survey", "kind", "created_at"]
    list_select_related = ["registration__event"]
