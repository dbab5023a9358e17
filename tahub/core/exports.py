"""Table exports: one class per export yields a header and rows; the base class writes CSV or XLSX.

Exports read through the same selectors as the pages, so a person downloads exactly what they may see.
"""

import csv
import datetime
import io
from decimal import Decimal

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FORMATS = {"csv": _("CSV"), "xlsx": _("Excel (XLSX)")}


class _Echo:
    def write(self, value):
        return value


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    """A value fit for one CSV or XLSX cell, written by every export (OWASP "CSV injection").

    Text starting with =, +, -, @, TAB or CR would make a spreadsheet read it as a formula: it gets a leading
    apostrophe and stays text. Numbers, dates and datetimes stay real numbers and dates (a datetime in the local
    time zone, without the zone, which XLSX cannot store); None is an empty cell; anything else becomes its text
    (lazy translations included) and is escaped the same way."""
    if value is None or isinstance(value, bool | int | float | Decimal):
        return value
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.make_naive(value)
        return value
    if isinstance(value, datetime.date | datetime.time):
        return value
    value = str(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


_cell = spreadsheet_safe  # the former private name, for callers not yet renamed


class ListExporter:
    identifier = ""
    filename = "export"

    def header(self):
        raise NotImplementedError

    def rows(self):
        raise NotImplementedError

    def response(self, fmt):
        if fmt == "xlsx":
            return self._xlsx()
        return self._csv()

    def _csv(self):
        writer = csv.writer(_Echo())
        lines = (writer.writerow([_csv_text(spreadsheet_safe(v)) for v in row]) for row in self._all_rows())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.csv"'
        return response

    def _xlsx(self):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=self.filename[:31])
        for row in self._all_rows():
            sheet.append([spreadsheet_safe(v) for v in row])
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.xlsx"'
        return response

    def _all_rows(self):
        yield [str(h) for h in self.header()]
        yield from self.rows()


def _csv_text(value):
    """A CSV cell's text: dates as ISO 8601 (a datetime to the second), the rest as str() (None empty)."""
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return "" if value is None else value
