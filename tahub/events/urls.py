from django.urls import path

from . import editing_views, nomination_views, views

app_name = "events"
urlpatterns = [
    path("", views.CalendarView.as_view(), name="calendar"),
    path("calendar.ics", views.FeedView.as_view(), name="feed"),
    path("<slug:slug>/", views.EventView.as_view(), name="detail"),
    path("<slug:slug>/event.ics", views.EventIcsView.as_view(), name="event_ics"),
    path("<slug:slug>/register/", views.RegisterView.as_view(), name="register"),
    path("<slug:slug>/materials/<int:pk>/", editing_views.MaterialView.as_view(), name="material"),
    path("<slug:slug>/parties/<str:iso3>/", nomination_views.PartyNominationsView.as_view(), name="party_nominations"),
    path("<slug:slug>/nominations/<int:pk>/letter/", nomination_views.LetterView.as_view(), name="letter"),
    path("<slug:slug>/nominations/<int:pk>/cancel/", nomination_views.CancelNominationView.as_view(), name="cancel"),
    path("<slug:slug>/p/<str:token>/", views.ParticipationView.as_view(), name="participation"),
    path("<slug:slug>/p/<str:token>/certificate.pdf", views.CertificateView.as_view(), name="certificate"),
    path("<slug:slug>/p/<str:token>/survey/<slug:kind>/", views.SurveyView.as_view(), name="survey"),
    path(
        "<slug:slug>/p/<str:token>/materials/<int:pk>/",
        editing_views.ParticipantMaterialView.as_view(),
        name="participant_material",
    ),
]
