"""Staff pages, under /staff/ so they need a two-factor session."""

from django.urls import path

from . import analysis_views, views

app_name = "needs_staff"
urlpatterns = [
    path("", views.CycleListView.as_view(), name="cycles"),
    path("open/", views.OpenCycleView.as_view(), name="open"),
    path("responses/<int:pk>/reopen/", views.ReopenView.as_view(), name="reopen"),
    path("reopen-requests/", views.ReopenRequestListView.as_view(), name="reopen_requests"),
    path("reopen-requests/<int:pk>/decline/", views.DeclineReopenView.as_view(), name="decline_reopen"),
    path("<slug:cycle>/edit/", views.EditCycleView.as_view(), name="edit"),
    path("<slug:cycle>/publish/", views.PublishView.as_view(), name="publish"),
    path("<slug:cycle>/withdraw/", views.WithdrawView.as_view(), name="withdraw"),
    path("<slug:cycle>/report.<str:fmt>", analysis_views.SummaryReportView.as_view(), name="report"),
]
