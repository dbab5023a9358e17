"""The Secretariat's proposal pages, under /staff/ (two-factor sessions)."""

from django.urls import path

from . import views

app_name = "funding_staff"
urlpatterns = [
    path("", views.StaffProposalListView.as_view(), name="list"),
    path("new/", views.ProposalCreateView.as_view(), name="create"),
    path("<int:pk>/edit/", views.ProposalEditView.as_view(), name="edit"),
    path("<int:pk>/<slug:action>/", views.ProposalMoveView.as_view(), name="move"),
]
