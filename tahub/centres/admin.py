from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Endorsement, RegionalCentre


@admin.register(RegionalCentre)
class RegionalCentreAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "city", "also_basel_centre"]
    search_fields = ["code", "name"]


@admin.register(Endorsement)
class EndorsementAdmin(SimpleHistoryAdmin):
    list_display = ["centre", "decision_reference", "start_year", "end_year"]
