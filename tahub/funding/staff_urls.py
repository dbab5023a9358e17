"""The Secretariat's proposal and money pages, under /staff/ (two-factor sessions)."""

from django.urls import path

from . import views

app_name = "funding_staff"
urlpatterns = [
    path("", views.StaffProposalListView.as_view(), name="list"),
    path("new/", views.ProposalCreateView.as_view(), name="create"),
    path("money/", views.MoneyView.as_view(), name="money"),
    path("donors/", views.DonorsView.as_view(), name="donors"),
    path("donors/<int:pk>/", views.DonorsView.as_view(), name="donor"),
    path("pledges/new/", views.PledgeCreateView.as_view(), name="pledge_create"),
    path("pledges/<int:pk>/", views.PledgeView.as_view(), name="pledge"),
    path("pledges/<int:pk>/entries/<int:entry_pk>/", views.EntryView.as_view(), name="entry"),
    path("<int:pk>/edit/", views.ProposalEditView.as_view(), name="edit"),
    path("<int:pk>/<slug:action>/", views.ProposalMoveView.as_view(), name="move"),
]
