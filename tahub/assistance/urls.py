from django.urls import path

from . import views

app_name = "assistance"
urlpatterns = [
    path("", views.MyRequestsView.as_view(), name="mine"),
    path("queue/", views.QueueView.as_view(), name="queue"),
    path("new/", views.RequestCreateView.as_view(), name="create"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
    path("<str:reference>/", views.RequestDetailView.as_view(), name="detail"),
    path("<str:reference>/edit/", views.RequestEditView.as_view(), name="edit"),
    path("<str:reference>/attachments/<int:pk>/", views.AttachmentView.as_view(), name="attachment"),
    path("<str:reference>/deliveries/new/", views.DeliveryReportView.as_view(), name="report_delivery"),
    path(
        "<str:reference>/deliveries/<int:pk>/correct/",
        views.DeliveryCorrectionView.as_view(),
        name="correct_delivery",
    ),
    path(
        "<str:reference>/programme-activity/",
        views.ProgrammeActivityView.as_view(),
        name="programme_activity",
    ),
    path("<str:reference>/<slug:action>/", views.RequestActionView.as_view(), name="action"),
]
