from django.urls import path

from . import views

app_name = "observers"
urlpatterns = [
    path("", views.IndexView.as_view(), name="index"),
    path("apply/", views.ApplicationView.as_view(), name="apply"),
    path("apply/<str:token>/", views.ApplicationStatusView.as_view(), name="application_status"),
    path("meetings/<slug:code>/", views.MeetingView.as_view(), name="meeting"),
    path("meetings/<slug:code>/<slug:slug>/", views.RepresentativesView.as_view(), name="representatives"),
    path("registrations/<int:pk>/decision/", views.RegistrationDecisionView.as_view(), name="decide_registration"),
    path("registrations/<int:pk>/<slug:which>/", views.RegistrationFileView.as_view(), name="registration_file"),
]
