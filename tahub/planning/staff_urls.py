"""The Secretariat's programme-of-work pages, under /staff/planning/ (two-factor sessions)."""

from django.urls import path

from .views import mandates, plans, programme

app_name = "planning_staff"
urlpatterns = [
    path("activities/new/", programme.ActivityFormView.as_view(), name="activity_create"),
    path("activities/<int:pk>/edit/", programme.ActivityFormView.as_view(), name="activity_edit"),
    path("plans/new/", plans.PlanFormView.as_view(), name="plan_create"),
    path("plans/<int:start_year>/edit/", plans.PlanFormView.as_view(), name="plan_edit"),
    path("bienniums/new/", plans.BienniumFormView.as_view(), name="biennium_create"),
    path("bienniums/<int:start_year>/edit/", plans.BienniumFormView.as_view(), name="biennium_edit"),
    path("paragraphs/<int:pk>/text/", mandates.ParagraphTextView.as_view(), name="paragraph_text"),
]
