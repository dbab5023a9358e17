from django.urls import path

from .views import decisions

app_name = "planning"
urlpatterns = [
    path("", decisions.DecisionListView.as_view(), name="decisions"),
    path("<path:number>/", decisions.DecisionDetailView.as_view(), name="decision"),
]
