from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin
from tahub.core.translated import language_fields

from .models import Biennium, Decision, DecisionParagraph, Meeting, Objective, ProgrammeActivity, TAPlan


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["code", "kind", "city", "start", "end"]
    list_filter = ["kind"]


@admin.register(Decision)
class DecisionAdmin(TranslationAdmin, SimpleHistoryAdmin):  # a field per language, grouped
    list_display = ["number", "year", "title", "verified"]
    list_filter = ["year", "verified"]
    search_fields = ["number", "title"]


@admin.register(DecisionParagraph)
class DecisionParagraphAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["decision", "number", "asks_for_assistance"]
    list_filter = ["asks_for_assistance", "decision__convention"]
    list_select_related = ["decision"]
    search_fields = ["decision__number", "number", *language_fields("text")]


@admin.register(TAPlan)
class TAPlanAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["title", "start_year", "end_year"]


@admin.register(Objective)
class ObjectiveAdmin(TranslationAdmin, SimpleHistoryAdmin):
    list_display = ["plan", "number", "title"]
    list_select_related = ["plan"]


@admin.register(Biennium)
class BienniumAdmin(SimpleHistoryAdmin):
    list_display = ["start_year", "end_year", "plan", "budget_decision"]
    list_select_related = ["plan", "budget_decision"]


@admin.register(ProgrammeActivity)
class ProgrammeActivityAdmin(TranslationAdmin, ReadOnlyHistoryAdmin):  # a field per language, grouped
    """Written through the staff form (services: version check, audit reason); read and audited here."""

    list_display = ["biennium", "number", "title", "status", "approved_budget"]
    list_filter = ["status", "biennium"]
    list_select_related = ["biennium"]
    search_fields = ["title"]
