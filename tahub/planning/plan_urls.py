"""The public plan, programme of work and mandate coverage, under /plan/."""

from django.urls import path

from .views import mandates, plans, programme

app_name = "plan"
urlpatterns = [
    path("", plans.PlanListView.as_view(), name="plans"),
    path("<int:start_year>/", plans.PlanView.as_view(), name="plan"),
    path("programme/", programme.ActivityListView.as_view(), name="activities"),
    path("programme/<int:start_year>/<int:number>/", programme.ActivityView.as_view(), name="activity"),
    path("mandates/", mandates.CoverageView.as_view(), name="coverage"),
]
