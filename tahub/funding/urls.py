from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("", views.ProposalListView.as_view(), name="list"),
    path("contributions/", views.ContributionsView.as_view(), name="contributions"),
    path("contributions.<str:fmt>", views.ContributionsExportView.as_view(), name="contributions_export"),
    path("our-pledges/", views.OurPledgesView.as_view(), name="our_pledges"),
    path("trust-funds/", views.TrustFundsView.as_view(), name="trust_funds"),
    path("trust-funds.<str:fmt>", views.TrustFundsExportView.as_view(), name="trust_funds_export"),
    path("<int:pk>/", views.ProposalView.as_view(), name="detail"),
    path("<int:pk>/concept-note.xlsx", views.ConceptNoteView.as_view(), name="concept_note"),
    path("<int:pk>/concept-note.pdf", views.ConceptNotePDFView.as_view(), name="concept_note_pdf"),
]
