"""The history of any domain model's record (django-simple-history), for staff: who, when, what, and why,
in words people read: the reason's label (tahub/core/change_reasons.py), each field's name and its values.

Domain-free: the model is looked up by app label and name, and only models that keep a history qualify.
The permission "core.view_history" is declared by the app that defines roles (tahub/accounts/rules.py).
"""

import datetime
import json
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.apps import apps
from django.db.models.fields.files import FieldFile
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.change_reasons import reason_label

PAGE_SIZE = 100
EMPTY = "—"


def history_model(app_label, model_name):
    """The model class named, if it keeps a history; else 404."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    if not hasattr(model, "history"):
        raise Http404
    return model


@dataclass(frozen=True)
class FieldChange:
    """One field a change touched: its name and raw values (as recorded) and what people read (`label`, its
    translated verbose name; `old_display` → `new_display`: choice labels, related records' names, dates)."""

    field: str
    label: str
    old: Any
    new: Any
    old_display: str
    new_display: str


def history_entries(obj, *, limit=PAGE_SIZE):
    """The latest changes to `obj`, newest first: each record, its reason's label and the fields it changed.

    The diffs are computed in memory against the next-older record of the same list; the records they name
    (foreign keys) are then fetched in one query per related model, never one per change.
    """
    records = list(obj.history.select_related("history_user").order_by("-history_date", "-history_id")[: limit + 1])
    pairs = zip(records[:limit], records[1 : limit + 1] + [None], strict=False)
    deltas = [(newer, newer.diff_against(older).changes if older is not None else []) for newer, older in pairs]
    names = related_names(obj.history.model, [change for _record, changes in deltas for change in changes])
    return [
        {
            "record": record,
            "reason": reason_label(record.history_change_reason),
            "changes": field_changes(type(obj)._meta, record._meta, changes, names),
        }
        for record, changes in deltas
    ]


def related_names(history_model, changes):
    """{(related model, pk): the record} for every foreign key value among `changes`: one query per model."""
    wanted = defaultdict(set)
    for change in changes:
        field = history_model._meta.get_field(change.field)
        if field.is_relation and field.many_to_one:
            wanted[field.related_model].update(v for v in (change.old, change.new) if v is not None)
    return {
        (model, pk): record for model, pks in wanted.items() for pk, record in model._base_manager.in_bulk(pks).items()
    }


def field_changes(model_meta, history_meta, changes, names):
    """The changes as people read them, in the order the model declares its fields (the historical model, which
    describes each field as recorded, puts its foreign keys last)."""
    order = {field.name: index for index, field in enumerate(model_meta.fields)}
    return [
        FieldChange(
            field=change.field,
            label=capfirst(str(field.verbose_name)),
            old=change.old,
            new=change.new,
            old_display=display_value(field, change.old, names),
            new_display=display_value(field, change.new, names),
        )
        for change in sorted(changes, key=lambda c: order.get(c.field, len(order)))
        for field in [history_meta.get_field(change.field)]
    ]


def display_value(field, value, names=None):
    """A recorded value as people read it: the choice's label, the related record's name, a formatted date or
    number, yes or no; "—" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if field.is_relation and field.many_to_one:
        related = (names or {}).get((field.related_model, value))
        return str(related) if related is not None else gettext("deleted record (#%(pk)s)") % {"pk": value}
    if field.flatchoices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, datetime.datetime):
        return f"{date_format(timezone.localtime(value, datetime.UTC), 'Y-m-d H:i')} UTC"
    if isinstance(value, datetime.date):
        return date_format(value, "Y-m-d")
    if isinstance(value, (int, float, Decimal)):
        return number_format(value)
    if isinstance(value, FieldFile):
        return value.name.rsplit("/", 1)[-1] if value.name else EMPTY
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


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
