from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import Answer, Cycle, Question, Questionnaire, Response


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReadOnlyHistoryAdmin):
    """Questionnaires are loaded from their versioned files (`load_questionnaire`)."""

    list_display = ["title", "code", "version", "kind"]
    list_filter = ["kind"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyHistoryAdmin):
    list_display = ["code", "questionnaire", "section", "theme", "kind", "required"]
    list_filter = ["questionnaire", "kind"]
    list_select_related = ["questionnaire", "theme"]


@admin.register(Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "period", "deadline", "questionnaire"]
    filter_horizontal = ["invited"]


@admin.register(Response)
class ResponseAdmin(ReadOnlyHistoryAdmin):
    """Responses move only through their services (save, submit, reopen)."""

    list_display = ["party", "cycle", "state", "submitted_at"]
    list_filter = ["cycle", "state"]
    list_select_related = ["party__country", "cycle"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyHistoryAdmin):
    list_display = ["response", "question", "level"]
    list_select_related = ["response__party__country", "response__cycle", "question"]
