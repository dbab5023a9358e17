from django.urls import path

from . import views

app_name = "planning"
urlpatterns = [
    path("", views.DecisionListView.as_view(), name="decisions"),
    path("<path:number>/", views.DecisionDetailView.as_view(), name="decision"),
]
