from django.urls import path

from . import views

app_name = "needs"
urlpatterns = [
    path("", views.CycleIndexView.as_view(), name="index"),
    path("<slug:cycle>/", views.GapView.as_view(), name="gaps"),
    path("<slug:cycle>/parties/<str:iso3>/", views.ResponseView.as_view(), name="response"),
]
