"""The Secretariat's proposal and money pages, under /staff/ (two-factor sessions)."""

from django.urls import path

from .views import donors, entries, pledges, proposals

app_name = "funding_staff"
urlpatterns = [
    path("", proposals.StaffProposalListView.as_view(), name="list"),
    path("new/", proposals.ProposalCreateView.as_view(), name="create"),
    path("money/", pledges.MoneyView.as_view(), name="money"),
    path("donors/", donors.DonorsView.as_view(), name="donors"),
    path("donors/<int:pk>/", donors.DonorsView.as_view(), name="donor"),
    path("pledges/new/", pledges.PledgeCreateView.as_view(), name="pledge_create"),
    path("pledges/<int:pk>/", pledges.PledgeView.as_view(), name="pledge"),
    path("pledges/<int:pk>/entries/<int:entry_pk>/", entries.EntryView.as_view(), name="entry"),
    path("<int:pk>/edit/", proposals.ProposalEditView.as_view(), name="edit"),
    path("<int:pk>/<slug:action>/", proposals.ProposalMoveView.as_view(), name="move"),
]
