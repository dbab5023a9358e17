"""The dashboards, under /dashboard/: what waits for the signed-in person, and the Secretariat's overview."""

from django.urls import path

from . import dashboard_views

app_name = "dashboard"
urlpatterns = [
    path("", dashboard_views.DashboardView.as_view(), name="home"),
    path("programme/", dashboard_views.ProgrammeOverviewView.as_view(), name="programme"),
]
