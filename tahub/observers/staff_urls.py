"""Staff pages, under /staff/ so they need a two-factor session."""

from django.urls import path

from . import views

app_name = "observers_staff"
urlpatterns = [
    path("", views.QueueView.as_view(), name="queue"),
    path("applications/<int:pk>/", views.ApplicationReviewView.as_view(), name="application"),
    path(
        "applications/<int:pk>/documents/<int:document_pk>/", views.ApplicationDocumentView.as_view(), name="document"
    ),
    path("meetings/new/", views.MeetingFormView.as_view(), name="meeting_create"),
    path("meetings/<slug:code>/", views.StaffMeetingView.as_view(), name="meeting"),
    path("meetings/<slug:code>/edit/", views.MeetingFormView.as_view(), name="meeting_edit"),
]
