"""The Secretariat's centre pages, under /staff/ (two-factor sessions)."""

from django.urls import path

from . import lifecycle_views as views

app_name = "centres_staff"
urlpatterns = [
    path("", views.StaffCentresView.as_view(), name="home"),
    path("reports/<int:pk>/", views.ReportReviewView.as_view(), name="report_review"),
    path("reports/<int:pk>/accept/", views.AcceptReportView.as_view(), name="accept_report"),
    path("work-plans/<int:pk>/approve/", views.ApproveWorkPlanView.as_view(), name="approve_work_plan"),
    path("<slug:code>/evaluations/new/", views.EvaluationStartView.as_view(), name="start_evaluation"),
    path("evaluations/<int:pk>/", views.EvaluationView.as_view(), name="evaluation"),
    path("nominations/new/", views.NominationCreateView.as_view(), name="nominate"),
    path("nominations/<int:pk>/dossier/", views.NominationDossierView.as_view(), name="nomination_dossier"),
    path("nominations/<int:pk>/decision/", views.NominationDecisionView.as_view(), name="nomination_decision"),
    path("<slug:code>/renew/", views.RenewView.as_view(), name="renew"),
]
