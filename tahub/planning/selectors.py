from django.shortcuts import get_object_or_404

from .models import Decision


def decision_list(*, convention=None, topic=None):
    queryset = Decision.objects.select_related("convention", "meeting")
    if convention:
        queryset = queryset.filter(convention__code=convention)
    if topic:
        queryset = queryset.filter(topics__contains=topic)
    return queryset.order_by("year", "number")


def decision_get(number):
    return get_object_or_404(decision_list(), number=number)
