"""The public money per trust fund, and its export (CSV, XLSX)."""

from django.http import Http404
from django.shortcuts import render
from django.views import View

from tahub.core.pagination import paginate

from .. import selectors
from ..exporters import TrustFundsExporter


class TrustFundsView(View):
    """The public money per trust fund, as the Secretariat publishes it."""

    def get(self, request):
        page, query = paginate(request, selectors.trust_funds_with_money())
        context = {"page": page, "funds": page.object_list, "query": query}
        return render(request, "funding/trust_funds.html", context)


class TrustFundsExportView(View):
    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        return TrustFundsExporter(selectors.trust_funds_with_money()).response(fmt)
