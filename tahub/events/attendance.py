"""Importing an attendance list (CSV or XLSX, one row per person present, an `email` column).

Every row is checked before anything is written; errors name the row and the value. Then one short
transaction marks those listed as attending and the other accepted participants as absent: all or nothing.
"""

import csv
import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from .models import RegistrationState
from .services import record_attendance

MAX_ROWS = 5000


def _rows(upload):
    name = upload.name.lower()
    if name.endswith(".xlsx"):
        sheet = load_workbook(upload, read_only=True, data_only=True).active
        return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    if name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("The CSV file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")) from None
        return list(csv.reader(io.StringIO(text)))
    raise ValidationError(_("Send a .csv or .xlsx file, with one row per person present and an “email” column."))


def parse_attendance(event, upload):
    """The registration ids listed as present; ValidationError listing every bad row (nothing written)."""
    rows = _rows(upload)
    if not rows:
        raise ValidationError(_("The file is empty."))
    header = [h.strip().lower() for h in rows[0]]
    if "email" not in header:
        raise ValidationError(_("The first row must name the columns, one of them “email”."))
    if len(rows) > MAX_ROWS + 1:
        raise ValidationError(_("The file has more than %(max)s rows.") % {"max": MAX_ROWS})
    column = header.index("email")
    accepted = dict(event.registrations.filter(state=RegistrationState.ACCEPTED).values_list("email", "pk"))
    ids, errors = [], []
    for number, row in enumerate(rows[1:], start=2):
        email = (row[column] if column < len(row) else "").strip().lower()
        if not email:
            continue
        if email not in accepted:
            errors.append(
                _("Row %(row)s: %(email)s is not an accepted participant of this event.")
                % {"row": number, "email": email}
            )
            continue
        ids.append(accepted[email])
    if errors:
        raise ValidationError(errors)
    return ids


def import_attendance(event, *, by, upload):
    """Check every row, then record the attendance in one transaction; returns how many were present."""
    return record_attendance(event, by=by, attended_ids=parse_attendance(event, upload))
