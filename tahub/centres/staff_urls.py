"""The Secretariat's centre pages, under /staff/ (two-factor sessions)."""

from django.urls import path

from .views import centres, endorsements, evaluations, reports, work_plans

app_name = "centres_staff"
urlpatterns = [
    path("", centres.StaffCentresView.as_view(), name="home"),
    path("reports/<int:pk>/", reports.ReportReviewView.as_view(), name="report_review"),
    path("reports/<int:pk>/accept/", reports.AcceptReportView.as_view(), name="accept_report"),
    path("work-plans/<int:pk>/approve/", work_plans.ApproveWorkPlanView.as_view(), name="approve_work_plan"),
    path("<slug:code>/evaluations/new/", evaluations.EvaluationStartView.as_view(), name="start_evaluation"),
    path("evaluations/<int:pk>/", evaluations.EvaluationView.as_view(), name="evaluation"),
    path("nominations/new/", endorsements.NominationCreateView.as_view(), name="nominate"),
    path("nominations/<int:pk>/dossier/", endorsements.NominationDossierView.as_view(), name="nomination_dossier"),
    path("nominations/<int:pk>/decision/", endorsements.NominationDecisionView.as_view(), name="nomination_decision"),
    path("<slug:code>/renew/", endorsements.RenewView.as_view(), name="renew"),
]
