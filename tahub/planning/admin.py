from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Decision, Meeting


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "city", "start", "end"]
    list_filter = ["kind"]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["number", "year", "title", "verified"]
    list_filter = ["year", "verified"]
    search_fields = ["number", "title"]
