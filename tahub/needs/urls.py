from django.urls import path

from . import analysis_views, views

app_name = "needs"
urlpatterns = [
    path("", views.CycleIndexView.as_view(), name="index"),
    path("across-cycles/", analysis_views.AcrossCyclesView.as_view(), name="across_cycles"),
    path("<slug:cycle>/", analysis_views.GapAnalysisView.as_view(), name="gaps"),
    path("<slug:cycle>/matrix/<str:iso3>/", analysis_views.PartyMatrixView.as_view(), name="matrix"),
    path("<slug:cycle>/parties/<str:iso3>/", views.RespondView.as_view(), name="response"),
    path("<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/", views.RespondView.as_view(), name="respond"),
    path("<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/workbook.xlsx", views.WorkbookView.as_view(), name="workbook"),
    path("<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/upload/", views.UploadView.as_view(), name="upload"),
    path(
        "<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/reopen/",
        views.RequestReopenView.as_view(),
        name="request_reopen",
    ),
]
