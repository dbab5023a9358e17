from django.urls import path

from . import views

app_name = "parties"
urlpatterns = [
    path("", views.PartyListView.as_view(), name="list"),
    path("<str:iso3>/", views.PartyDetailView.as_view(), name="detail"),
]
