"""Open-data exports that cut across apps: the IATI 2.03 activity file, under /iati/."""

from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [path("activities.xml", views.iati_activities, name="iati_activities")]
