"""The public table of contributions per programme activity, and its export (CSV, XLSX)."""

from django.http import Http404
from django.shortcuts import render
from django.views import View

from tahub.core.pagination import paginate

from .. import selectors
from ..exporters import ContributionsExporter


def _contribution_filters(request):
    year = request.GET.get("biennium", "")
    return {
        "biennium": int(year) if year.isdigit() and len(year) == 4 else None,
        "trust_fund": request.GET.get("fund") or None,
    }


class ContributionsView(View):
    """The public table of contributions per activity, as the Secretariat publishes it."""

    def get(self, request):
        filters = _contribution_filters(request)
        page, query = paginate(request, selectors.activity_contributions(**filters))
        context = {"page": page, "activities": selectors.attach_donors(page.object_list), "query": query,
                   "funds": selectors.trust_fund_list(), "filters": filters}  # fmt: skip
        return render(request, "funding/contributions.html", context)


class ContributionsExportView(View):
    def get(self, request, fmt):
        if fmt not in ("csv", "xlsx"):
            raise Http404
        queryset = selectors.activity_contributions(**_contribution_filters(request))
        return ContributionsExporter(queryset).response(fmt)
