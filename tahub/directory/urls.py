from django.urls import path

from . import views

app_name = "directory"
urlpatterns = [
    path("", views.DirectoryView.as_view(), name="list"),
    path("join/", views.ListingRequestView.as_view(), name="join"),
    path("join/<str:token>/", views.ListingStatusView.as_view(), name="listing_status"),
    path("<slug:slug>/", views.OrganisationView.as_view(), name="detail"),
    path("<slug:slug>/logo/", views.LogoView.as_view(), name="logo"),
    path("<slug:slug>/correction/", views.CorrectionView.as_view(), name="correction"),
    path("<slug:slug>/confirm/", views.ConfirmListingView.as_view(), name="confirm"),
]
