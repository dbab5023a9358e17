from django.contrib import admin
from modeltranslation.admin import TranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import (
    Activity,
    ActivityReport,
    Criterion,
    Endorsement,
    Evaluation,
    Feedback,
    Nomination,
    RegionalCentre,
    ReportingPeriod,
    Score,
    WorkPlan,
)


@admin.register(RegionalCentre)
class RegionalCentreAdmin(TranslationAdmin, SimpleHistoryAdmin):  # a field per language, grouped
    list_display = ["code", "name", "city", "also_basel_centre"]
    search_fields = ["code", "name"]


@admin.register(Endorsement)
class EndorsementAdmin(SimpleHistoryAdmin):
    list_display = ["centre", "decision_reference", "start_year", "end_year"]


@admin.register(ReportingPeriod)
class ReportingPeriodAdmin(SimpleHistoryAdmin):
    """Staff open each reporting period here, with its deadline; centres are reminded of it."""

    list_display = ["title", "start", "end", "deadline"]


@admin.register(Criterion)
class CriterionAdmin(SimpleHistoryAdmin):
    """Loaded from centre_evaluation_criteria.csv; edit the file, not the rows."""

    list_display = ["code", "max_score", "counts"]

    def has_change_permission(self, request, obj=None):
        return False


for model in (WorkPlan, ActivityReport, Activity, Evaluation, Score, Feedback, Nomination):
    admin.site.register(model, ReadOnlyHistoryAdmin)
