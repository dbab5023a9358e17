from django.urls import path

from .views import contributions, pledges, proposals, trust_funds

app_name = "funding"
urlpatterns = [
    path("", proposals.ProposalListView.as_view(), name="list"),
    path("contributions/", contributions.ContributionsView.as_view(), name="contributions"),
    path("contributions.<str:fmt>", contributions.ContributionsExportView.as_view(), name="contributions_export"),
    path("our-pledges/", pledges.OurPledgesView.as_view(), name="our_pledges"),
    path("trust-funds/", trust_funds.TrustFundsView.as_view(), name="trust_funds"),
    path("trust-funds.<str:fmt>", trust_funds.TrustFundsExportView.as_view(), name="trust_funds_export"),
    path("<int:pk>/", proposals.ProposalView.as_view(), name="detail"),
    path("<int:pk>/concept-note.xlsx", proposals.ConceptNoteView.as_view(), name="concept_note"),
    path("<int:pk>/concept-note.pdf", proposals.ConceptNotePDFView.as_view(), name="concept_note_pdf"),
]
