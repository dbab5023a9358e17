from django.shortcuts import render


def home(request):
    """What TA Hub is, how a Party asks for assistance, and who provides it."""
    return render(request, "core/home.html")


def data_notes(request):
    """The known doubts in the reference data, kept visible rather than silently fixed."""
    return render(request, "core/data_notes.html")
