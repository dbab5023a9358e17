from django.urls import path

from .views import analysis, cycles, reopen_requests, responses

app_name = "needs"
urlpatterns = [
    path("", cycles.CycleIndexView.as_view(), name="index"),
    path("across-cycles/", analysis.AcrossCyclesView.as_view(), name="across_cycles"),
    path("<slug:cycle>/", analysis.GapAnalysisView.as_view(), name="gaps"),
    path("<slug:cycle>/matrix/<str:iso3>/", analysis.PartyMatrixView.as_view(), name="matrix"),
    path("<slug:cycle>/parties/<str:iso3>/", responses.RespondView.as_view(), name="response"),
    path("<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/", responses.RespondView.as_view(), name="respond"),
    path(
        "<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/workbook.xlsx",
        responses.WorkbookView.as_view(),
        name="workbook",
    ),
    path("<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/upload/", responses.UploadView.as_view(), name="upload"),
    path(
        "<slug:cycle>/<slug:kind>/<slug:who>/<str:key>/reopen/",
        reopen_requests.RequestReopenView.as_view(),
        name="request_reopen",
    ),
]
