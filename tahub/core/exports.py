"""Table exports: one class per export yields a header and rows; the base class writes CSV or XLSX.

Exports read through the same selectors as the pages, so a person downloads exactly what they may see.
"""

import csv
import io

from django.http import HttpResponse, StreamingHttpResponse
from django.utils.translation import gettext_lazy as _

FORMATS = {"csv": _("CSV"), "xlsx": _("Excel (XLSX)")}


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    """Spreadsheet-safe text: a leading =, +, - or @ would make a spreadsheet run it as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


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
        lines = (writer.writerow([_cell(v) for v in row]) for row in self._all_rows())
        response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{self.filename}.csv"'
        return response

    def _xlsx(self):
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(title=self.filename[:31])
        for row in self._all_rows():
            sheet.append([_cell(v) for v in row])
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
