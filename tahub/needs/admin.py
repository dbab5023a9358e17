from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import Amount, Answer, Cycle, Notice, Question, Questionnaire, ReopenRequest, Response


@admin.register(Questionnaire)
class QuestionnaireAdmin(ReadOnlyHistoryAdmin):
    """Questionnaires are loaded from their versioned files (`load_questionnaire`)."""

    list_display = ["title", "code", "version", "kind"]
    list_filter = ["kind"]


@admin.register(Question)
class QuestionAdmin(TranslationAdmin, ReadOnlyHistoryAdmin):  # a field per language, grouped
    list_display = ["code", "questionnaire", "section", "theme", "kind", "required"]
    list_filter = ["questionnaire", "kind"]
    list_select_related = ["questionnaire", "theme"]


@admin.register(Cycle)
class CycleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "period", "deadline", "questionnaire", "offers_questionnaire"]
    filter_horizontal = ["invited", "offers_invited_parties", "offers_invited_organisations"]


@admin.register(Response)
class ResponseAdmin(ReadOnlyHistoryAdmin):
    """Responses move only through their services (save, submit, reopen)."""

    list_display = ["party", "organisation", "kind", "cycle", "state", "version", "entered_by_secretariat"]
    list_filter = ["cycle", "kind", "state"]
    list_select_related = ["party__country", "organisation", "cycle"]


@admin.register(Answer)
class AnswerAdmin(ReadOnlyHistoryAdmin):
    list_display = ["response", "question", "level"]
    list_select_related = ["response__party__country", "response__cycle", "question"]


@admin.register(Amount)
class AmountAdmin(ReadOnlyHistoryAdmin):
    list_display = ["answer", "year", "source", "amount", "currency"]
    list_select_related = ["answer__question", "answer__response__cycle"]


@admin.register(ReopenRequest)
class ReopenRequestAdmin(ReadOnlyHistoryAdmin):
    """Made, granted and declined through their services (`request_reopen`, `reopen_response`,
    `decline_reopen_request`)."""

    list_display = ["response", "state", "requested_by", "created_at", "decided_by"]
    list_filter = ["state"]
    list_select_related = ["response__cycle", "response__party__country", "response__organisation", "requested_by",
                           "decided_by"]  # fmt: skip


@admin.register(Notice)
class NoticeAdmin(admin.ModelAdmin):
    """The log of invitations and reminders sent (written by the worker only)."""

    list_display = ["cycle", "kind", "party", "organisation", "event", "part", "deadline", "days_before", "sent_at"]
    list_filter = ["event", "kind", "cycle"]
    list_select_related = ["cycle", "party__country", "organisation"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
