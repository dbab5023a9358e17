"""The Secretariat's programme-of-work pages, under /staff/planning/ (two-factor sessions)."""

from django.urls import path

from . import staff_views, views

app_name = "planning_staff"
urlpatterns = [
    path("activities/new/", views.ActivityFormView.as_view(), name="activity_create"),
    path("activities/<int:pk>/edit/", views.ActivityFormView.as_view(), name="activity_edit"),
    path("plans/new/", staff_views.PlanFormView.as_view(), name="plan_create"),
    path("plans/<int:start_year>/edit/", staff_views.PlanFormView.as_view(), name="plan_edit"),
    path("bienniums/new/", staff_views.BienniumFormView.as_view(), name="biennium_create"),
    path("bienniums/<int:start_year>/edit/", staff_views.BienniumFormView.as_view(), name="biennium_edit"),
    path("paragraphs/<int:pk>/text/", staff_views.ParagraphTextView.as_view(), name="paragraph_text"),
]
