from django.urls import path

from . import views

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("data-notes/", views.DataNotesView.as_view(), name="data_notes"),
]
