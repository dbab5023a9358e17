from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from tahub.core.admin import ReadOnlyHistoryAdmin

from .models import BudgetLine, CoFunding, Donor, Pledge, PledgeEntry, Proposal, TrustFund


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


@admin.register(Donor)
class DonorAdmin(ReadOnlyHistoryAdmin):
    """Donors, pledges and their commitments and receipts are recorded on their staff pages."""

    list_display = ["__str__", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["name", "organisation__name", "party__country__name"]
    list_select_related = ["party__country", "organisation"]


@admin.register(Pledge)
class PledgeAdmin(ReadOnlyHistoryAdmin):
    list_display = ["donor", "trust_fund", "activity", "currency", "amount", "pledged_on", "due_on"]
    list_filter = ["trust_fund", "kind", "currency"]
    list_select_related = ["donor__party__country", "donor__organisation", "trust_fund", "activity__biennium"]


@admin.register(PledgeEntry)
class PledgeEntryAdmin(ReadOnlyHistoryAdmin):
    list_display = ["pledge", "kind", "date", "amount", "rate_to_usd"]
    list_filter = ["kind"]
    list_select_related = ["pledge__donor__party__country", "pledge__donor__organisation"]
