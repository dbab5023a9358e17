from django.urls import path

from .views import events, materials, nominations, participation, registrations, surveys

app_name = "events"
urlpatterns = [
    path("", events.CalendarView.as_view(), name="calendar"),
    path("calendar.ics", events.FeedView.as_view(), name="feed"),
    path("<slug:slug>/", events.EventView.as_view(), name="detail"),
    path("<slug:slug>/event.ics", events.EventIcsView.as_view(), name="event_ics"),
    path("<slug:slug>/register/", registrations.RegisterView.as_view(), name="register"),
    path("<slug:slug>/materials/<int:pk>/", materials.MaterialView.as_view(), name="material"),
    path("<slug:slug>/parties/<str:iso3>/", nominations.PartyNominationsView.as_view(), name="party_nominations"),
    path("<slug:slug>/nominations/<int:pk>/letter/", nominations.LetterView.as_view(), name="letter"),
    path("<slug:slug>/nominations/<int:pk>/cancel/", nominations.CancelNominationView.as_view(), name="cancel"),
    path("<slug:slug>/p/<str:token>/", participation.ParticipationView.as_view(), name="participation"),
    path("<slug:slug>/p/<str:token>/certificate.pdf", participation.CertificateView.as_view(), name="certificate"),
    path("<slug:slug>/p/<str:token>/survey/<slug:kind>/", surveys.SurveyView.as_view(), name="survey"),
    path(
        "<slug:slug>/p/<str:token>/materials/<int:pk>/",
        materials.ParticipantMaterialView.as_view(),
        name="participant_material",
    ),
]
