"""The public plan, programme of work and mandate coverage, under /plan/."""

from django.urls import path

from . import views

app_name = "plan"
urlpatterns = [
    path("", views.PlanListView.as_view(), name="plans"),
    path("<int:start_year>/", views.PlanView.as_view(), name="plan"),
    path("programme/", views.ActivityListView.as_view(), name="activities"),
    path("programme/<int:start_year>/<int:number>/", views.ActivityView.as_view(), name="activity"),
    path("mandates/", views.CoverageView.as_view(), name="coverage"),
]
