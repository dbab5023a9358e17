from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("data-notes/", views.data_notes, name="data_notes"),
]
