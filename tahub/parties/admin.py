from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import ContactPoint, Convention, Country, Party, Region


@admin.register(Region)
class RegionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]


@admin.register(Country)
class CountryAdmin(SimpleHistoryAdmin):
    list_display = ["name", "iso3", "region", "eligibility_class", "eligibility_override"]
    list_filter = ["region", "eligibility_class", "eligibility_override", "ldc", "sids"]
    search_fields = ["name", "iso3"]
    # The override goes through its staff page (a reason is required and audited), not a bare edit.
    readonly_fields = ["eligibility_override", "eligibility_override_reason"]


@admin.register(Convention)
class ConventionAdmin(SimpleHistoryAdmin):
    list_display = ["code", "short_name", "entry_into_force"]


@admin.register(Party)
class PartyAdmin(SimpleHistoryAdmin):
    list_display = ["country", "convention", "action", "action_date", "entry_into_force"]
    list_filter = ["convention", "action", "country__region"]
    search_fields = ["country__name", "country__iso3"]
    list_select_related = ["country", "convention"]


@admin.register(ContactPoint)
class ContactPointAdmin(SimpleHistoryAdmin):
    list_display = ["user", "party", "kind", "delegated_by"]
    list_filter = ["kind", "party__country__region"]
    search_fields = ["user__email", "party__country__name"]
    list_select_related = ["user", "party__country", "delegated_by"]
    autocomplete_fields = ["user", "delegated_by"]
