"""Staff review pages, under /staff/ so they need a two-factor session."""

from django.urls import path

from . import views

app_name = "directory_staff"
urlpatterns = [
    path("", views.ReviewQueueView.as_view(), name="queue"),
    path("listings/<int:pk>/", views.ListingReviewView.as_view(), name="listing"),
    path("listings/<int:pk>/documents/<int:document_pk>/", views.ListingDocumentView.as_view(), name="document"),
    path("corrections/<int:pk>/resolve/", views.CorrectionResolveView.as_view(), name="resolve_correction"),
]
