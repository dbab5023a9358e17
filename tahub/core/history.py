"""The history of any domain model's record (django-simple-history), for staff: who, when, what, and why.

Domain-free: the model is looked up by app label and name, and only models that keep a history qualify.
The permission "core.view_history" is declared by the app that defines roles (tahub/accounts/rules.py).
"""

from django.apps import apps
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

PAGE_SIZE = 100


def history_model(app_label, model_name):
    """The model class named, if it keeps a history; else 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not hasattr(model, "history"):
        raise Http404
    return model


def history_entries(obj, *, limit=PAGE_SIZE):
    """The latest changes to `obj`, newest first, each with the fields it changed (old → new).

    One query: the diffs are computed in memory against the next-older record of the same list.
    """
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    entries = []
    for newer, older in zip(records[:limit], records[1 : limit + 1] + [None], strict=False):
        changes = newer.diff_against(older).changes if older is not None else []
        entries.append({"record": newer, "changes": changes})
    return entries


class ObjectHistoryView(PermissionRequiredMixin, TemplateView):
    """Staff see every change to a record: who, when, which fields (old and new values), and the reason."""

    permission_required = "core.view_history"
    template_name = "core/history.html"

    def get_context_data(self, **kwargs):
        model = history_model(self.kwargs["app_label"], self.kwargs["model_name"])
        obj = get_object_or_404(model, pk=self.kwargs["pk"])
        return super().get_context_data(
            object=obj, verbose_name=model._meta.verbose_name, entries=history_entries(obj), **kwargs
        )
