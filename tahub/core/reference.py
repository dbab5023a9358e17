"""Loading reference data from versioned CSV files: validate every row, then write in one transaction.

A loader maps one file to one model by a natural key. Loading is idempotent: a row that matches the
database is left alone (no save, no history row); a changed row is updated; a new row is created. Rows in
the database that the file no longer has are reported, not deleted: other records may point at them.
"""

import csv
import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

CHANGE_REASON = "reference.loaded"


class ReferenceDataError(Exception):
    """A file could not be loaded; the message names the file, the line and the column."""


class RowError(ValueError):
    def __init__(self, column, message):
        super().__init__(message)
        self.column = column


@dataclass
class Loader:
    file: str
    model: type[models.Model]
    key: tuple[str, ...]
    parse: Callable[[dict], dict | None]  # row -> model fields, or None to skip the row
    columns: tuple[str, ...] = ()
    create: bool = True  # False: the file only updates fields of rows another file created
    # False where the table also holds rows from elsewhere (organisations that asked to be listed).
    report_stale: bool = True
    stats: dict = field(default_factory=lambda: {"created": 0, "updated": 0, "unchanged": 0})

    def label(self):
        return f"{self.file} → {self.model._meta.label}"


def read_rows(path, columns):
    """Yield (line number, row) from a CSV file, after checking that its header has the columns."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise ReferenceDataError(f"{path.name}:1: " + _("missing columns: %s") % ", ".join(missing))
        for row in reader:
            if None in row or any(value is None for value in row.values()):
                raise ReferenceDataError(f"{path.name}:{reader.line_num}: " + _("wrong number of fields"))
            yield reader.line_num, {k: v.strip() for k, v in row.items()}


def _apply(loader, fields, existing):
    key = tuple(fields[k] for k in loader.key)
    obj = existing.get(key)
    if obj is None:
        if not loader.create:
            raise RowError(loader.key[0], _("no such row: %s") % "/".join(map(str, key)))
        obj = loader.model(**fields)
        outcome = "created"
    else:
        changed = {name: value for name, value in fields.items() if getattr(obj, name) != value}
        if not changed:
            loader.stats["unchanged"] += 1
            return obj
        for name, value in changed.items():
            setattr(obj, name, value)
        outcome = "updated"
    obj.full_clean(validate_unique=False, validate_constraints=False)
    obj._change_reason = CHANGE_REASON
    obj.save()
    existing[key] = obj
    loader.stats[outcome] += 1
    return obj


def run_loader(loader, directory):
    path = directory / loader.file
    if not path.exists():
        raise ReferenceDataError(f"{loader.file}: " + _("file not found"))
    existing = {tuple(getattr(o, k) for k in loader.key): o for o in loader.model.objects.all()}
    seen = set()
    for line, row in read_rows(path, loader.columns):
        try:
            fields = loader.parse(row)
            if fields is None:
                continue
            key = tuple(fields[k] for k in loader.key)
            if key in seen:
                raise RowError(loader.key[0], _("duplicate key %s") % "/".join(map(str, key)))
            seen.add(key)
            _apply(loader, fields, existing)
        except RowError as exc:
            raise ReferenceDataError(f"{loader.file}:{line}: {exc.column}: {exc}") from exc
        except ValidationError as exc:
            detail = "; ".join(f"{name}: {' '.join(msgs)}" for name, msgs in exc.message_dict.items())
            raise ReferenceDataError(f"{loader.file}:{line}: {detail}") from exc
    return len(existing) - len(seen) if loader.create and loader.report_stale else 0


def load_all(loaders, directory):
    """Run every loader in one transaction: any error rolls back everything, so nothing is half-loaded."""
    report = []
    with transaction.atomic():
        for loader in loaders:
            stale = run_loader(loader, directory)
            report.append((loader, stale))
    return report


# Parsers for cells, each raising RowError with the column name.


def text(row, column, *, required=False):
    value = row[column]
    if required and not value:
        raise RowError(column, _("a value is required"))
    return value


def date_or_none(row, column, *, required=False):
    value = text(row, column, required=required)
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise RowError(column, _("%(value)r is not a date (YYYY-MM-DD)") % {"value": value}) from exc


def int_or_none(row, column, *, required=False):
    value = text(row, column, required=required)
    if not value:
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise RowError(column, _("%(value)r is not a whole number") % {"value": value}) from exc


def yes_no(row, column):
    value = row[column].lower()
    if value not in {"yes", "no"}:
        raise RowError(column, _("%(value)r must be yes or no") % {"value": row[column]})
    return value == "yes"


def choice(row, column, choices, *, required=True):
    value = text(row, column, required=required)
    if value and value not in choices:
        allowed = ", ".join(sorted(choices))
        raise RowError(column, _("%(value)r is not one of: %(allowed)s") % {"value": value, "allowed": allowed})
    return value


def lookup(row, column, model, field_name, *, required=True):
    value = text(row, column, required=required)
    if not value:
        return None
    try:
        return model.objects.get(**{field_name: value})
    except model.DoesNotExist as exc:
        raise RowError(
            column, _("unknown %(model)s %(value)r") % {"model": model._meta.verbose_name, "value": value}
        ) from exc
