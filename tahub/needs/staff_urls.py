"""Staff pages, under /staff/ so they need a two-factor session."""

from django.urls import path

from .views import analysis, cycles, reopen_requests

app_name = "needs_staff"
urlpatterns = [
    path("", cycles.CycleListView.as_view(), name="cycles"),
    path("open/", cycles.OpenCycleView.as_view(), name="open"),
    path("responses/<int:pk>/reopen/", reopen_requests.ReopenView.as_view(), name="reopen"),
    path("reopen-requests/", reopen_requests.ReopenRequestListView.as_view(), name="reopen_requests"),
    path("reopen-requests/<int:pk>/decline/", reopen_requests.DeclineReopenView.as_view(), name="decline_reopen"),
    path("<slug:cycle>/edit/", cycles.EditCycleView.as_view(), name="edit"),
    path("<slug:cycle>/publish/", cycles.PublishView.as_view(), name="publish"),
    path("<slug:cycle>/withdraw/", cycles.WithdrawView.as_view(), name="withdraw"),
    path("<slug:cycle>/report.<str:fmt>", analysis.SummaryReportView.as_view(), name="report"),
]
