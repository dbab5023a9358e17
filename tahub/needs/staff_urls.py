"""Staff pages, under /staff/ so they need a two-factor session."""

from django.urls import path

from . import views

app_name = "needs_staff"
urlpatterns = [
    path("", views.CycleListView.as_view(), name="cycles"),
    path("open/", views.OpenCycleView.as_view(), name="open"),
    path("responses/<int:pk>/reopen/", views.ReopenView.as_view(), name="reopen"),
    path("<slug:cycle>/publish/", views.PublishView.as_view(), name="publish"),
]
