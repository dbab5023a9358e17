from django.urls import path

from .views import delivery, filing, requests, statistics

app_name = "assistance"
urlpatterns = [
    path("", requests.MyRequestsView.as_view(), name="mine"),
    path("queue/", requests.QueueView.as_view(), name="queue"),
    path("new/", filing.RequestCreateView.as_view(), name="create"),
    path("statistics/", statistics.StatisticsView.as_view(), name="statistics"),
    path("<str:reference>/", requests.RequestDetailView.as_view(), name="detail"),
    path("<str:reference>/edit/", filing.RequestEditView.as_view(), name="edit"),
    path("<str:reference>/attachments/<int:pk>/", requests.AttachmentView.as_view(), name="attachment"),
    path("<str:reference>/deliveries/new/", delivery.DeliveryReportView.as_view(), name="report_delivery"),
    path(
        "<str:reference>/deliveries/<int:pk>/correct/",
        delivery.DeliveryCorrectionView.as_view(),
        name="correct_delivery",
    ),
    path(
        "<str:reference>/programme-activity/",
        requests.ProgrammeActivityView.as_view(),
        name="programme_activity",
    ),
    path("<str:reference>/<slug:action>/", requests.RequestActionView.as_view(), name="action"),
]
