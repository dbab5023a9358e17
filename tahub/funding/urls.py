from django.urls import path

from . import views

app_name = "funding"
urlpatterns = [
    path("", views.ProposalListView.as_view(), name="list"),
    path("<int:pk>/", views.ProposalView.as_view(), name="detail"),
    path("<int:pk>/concept-note.xlsx", views.ConceptNoteView.as_view(), name="concept_note"),
]
