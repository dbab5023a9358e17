from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import BudgetLine, CoFunding, Proposal, TrustFund


@admin.register(TrustFund)
class TrustFundAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "convention"]
    search_fields = ["code", "name"]


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyHistoryAdmin):
    """Proposals are drafted, reviewed and published on their staff pages."""

    list_display = ["title", "convention", "state", "trust_fund", "created_at"]
    list_filter = ["state", "convention"]
    search_fields = ["title"]
    list_select_related = ["convention", "trust_fund"]


@admin.register(BudgetLine)
class BudgetLineAdmin(ReadOnlyHistoryAdmin):
    list_display = ["proposal", "component", "amount"]
    list_select_related = ["proposal"]


@admin.register(CoFunding)
class CoFundingAdmin(ReadOnlyHistoryAdmin):
    list_display = ["proposal", "donor_name", "organisation", "amount"]
    list_select_related = ["proposal", "organisation"]
