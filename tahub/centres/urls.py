from django.urls import path

from . import lifecycle_views, views

app_name = "centres"
urlpatterns = [
    path("", views.CentreListView.as_view(), name="list"),
    path("<slug:code>/", views.CentreDetailView.as_view(), name="detail"),
    path("<slug:code>/workspace/", lifecycle_views.WorkspaceView.as_view(), name="workspace"),
    path("<slug:code>/work-plans/new/", lifecycle_views.WorkPlanCreateView.as_view(), name="work_plan_create"),
    path(
        "<slug:code>/work-plans/<int:pk>/document/",
        lifecycle_views.WorkPlanDocumentView.as_view(),
        name="work_plan_document",
    ),
    path(
        "<slug:code>/activities/<int:pk>/evidence/",
        lifecycle_views.ActivityEvidenceView.as_view(),
        name="activity_evidence",
    ),
    path("<slug:code>/reports/<int:period>/", lifecycle_views.ReportView.as_view(), name="report"),
    path("<slug:code>/feedback/", lifecycle_views.FeedbackView.as_view(), name="feedback"),
]
