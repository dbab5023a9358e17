from django.urls import path

from . import editing_views, staff_views

app_name = "events_staff"
urlpatterns = [
    path("", staff_views.EventListView.as_view(), name="list"),
    path("new/", editing_views.EventFormView.as_view(), name="create"),
    path("results/themes/", staff_views.ThemeResultsView.as_view(), name="theme_results"),
    path("<slug:slug>/", staff_views.RegistrationsView.as_view(), name="registrations"),
    path("<slug:slug>/edit/", editing_views.EventFormView.as_view(), name="edit"),
    path("<slug:slug>/materials/", editing_views.MaterialsView.as_view(), name="materials"),
    path("<slug:slug>/materials/<int:pk>/remove/", editing_views.MaterialRemoveView.as_view(), name="material_remove"),
    path("<slug:slug>/registrations/<int:pk>/<slug:action>/", staff_views.DecideView.as_view(), name="decide"),
    path("<slug:slug>/attendance/", staff_views.AttendanceView.as_view(), name="attendance"),
    path("<slug:slug>/attendance/upload/", staff_views.AttendanceUploadView.as_view(), name="attendance_upload"),
    path("<slug:slug>/results/", staff_views.ResultsView.as_view(), name="results"),
    path("<slug:slug>/move/<slug:action>/", staff_views.MoveView.as_view(), name="move"),
]
