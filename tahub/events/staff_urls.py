from django.urls import path

from .views import events, materials, registrations, surveys

app_name = "events_staff"
urlpatterns = [
    path("", events.EventListView.as_view(), name="list"),
    path("new/", events.EventFormView.as_view(), name="create"),
    path("results/themes/", surveys.ThemeResultsView.as_view(), name="theme_results"),
    path("<slug:slug>/", registrations.RegistrationsView.as_view(), name="registrations"),
    path("<slug:slug>/edit/", events.EventFormView.as_view(), name="edit"),
    path("<slug:slug>/materials/", materials.MaterialsView.as_view(), name="materials"),
    path("<slug:slug>/materials/<int:pk>/remove/", materials.MaterialRemoveView.as_view(), name="material_remove"),
    path("<slug:slug>/registrations/<int:pk>/<slug:action>/", registrations.DecideView.as_view(), name="decide"),
    path("<slug:slug>/attendance/", registrations.AttendanceView.as_view(), name="attendance"),
    path("<slug:slug>/attendance/upload/", registrations.AttendanceUploadView.as_view(), name="attendance_upload"),
    path("<slug:slug>/results/", surveys.ResultsView.as_view(), name="results"),
    path("<slug:slug>/move/<slug:action>/", events.MoveView.as_view(), name="move"),
]
