from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AssistanceType, Chemical, NeedsCluster, Theme


@admin.register(NeedsCluster, Theme, AssistanceType)
class VocabularyAdmin(SimpleHistoryAdmin):
    list_display = ["slug", "name"]
    search_fields = ["slug", "name"]


@admin.register(Chemical)
class ChemicalAdmin(SimpleHistoryAdmin):
    list_display = ["name", "annexes", "year_listed", "listed_by"]
    list_filter = ["annexes", "year_listed"]
    search_fields = ["name", "cas_numbers"]
