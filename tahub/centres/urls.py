from django.urls import path

from .views import centres, feedback, reports, work_plans

app_name = "centres"
urlpatterns = [
    path("", centres.CentreListView.as_view(), name="list"),
    path("<slug:code>/", centres.CentreDetailView.as_view(), name="detail"),
    path("<slug:code>/workspace/", centres.WorkspaceView.as_view(), name="workspace"),
    path("<slug:code>/work-plans/new/", work_plans.WorkPlanCreateView.as_view(), name="work_plan_create"),
    path(
        "<slug:code>/work-plans/<int:pk>/document/",
        work_plans.WorkPlanDocumentView.as_view(),
        name="work_plan_document",
    ),
    path(
        "<slug:code>/activities/<int:pk>/evidence/",
        reports.ActivityEvidenceView.as_view(),
        name="activity_evidence",
    ),
    path("<slug:code>/reports/<int:period>/", reports.ReportView.as_view(), name="report"),
    path("<slug:code>/feedback/", feedback.FeedbackView.as_view(), name="feedback"),
]
