"""Delivery reports: providers (and staff) report what was delivered; staff correct a report."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.rules import require

from .. import selectors, services
from ..forms import DeliveryCorrectionForm, DeliveryReportForm


class DeliveryReportView(LoginRequiredMixin, View):
    """Providers (and staff) report what was delivered under an assignment of this request."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.ta_request = selectors.request_get(request.user, kwargs["reference"])
        require(request.user, "assistance.report_delivery", self.ta_request)
        self.assignments = selectors.assignments_reportable_by(request.user, self.ta_request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, reference):
        form = DeliveryReportForm(assignments=self.assignments, initial={"parties_benefited": [self.ta_request.party]})
        return render(request, "assistance/delivery_form.html", {"form": form, "ta_request": self.ta_request})

    def post(self, request, reference):
        form = DeliveryReportForm(request.POST, request.FILES, assignments=self.assignments)
        if form.is_valid():
            data = dict(form.cleaned_data)
            assignment = data.pop("assignment")
            try:
                services.report_delivery(assignment, by=request.user, **data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Delivery report saved."))
                return redirect(self.ta_request)
        return render(request, "assistance/delivery_form.html", {"form": form, "ta_request": self.ta_request})


class DeliveryCorrectionView(LoginRequiredMixin, View):
    """Staff correct a delivery report (dates, activities, Parties, evidence), saying what was wrong."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.ta_request = selectors.request_get(request.user, kwargs["reference"])
        require(request.user, "assistance.correct_delivery", self.ta_request)
        self.report = selectors.delivery_report_get(self.ta_request, kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def _render(self, request, form):
        context = {"form": form, "ta_request": self.ta_request, "report": self.report}
        return render(request, "assistance/delivery_correction.html", context)

    def get(self, request, reference, pk):
        initial = {
            "start": self.report.start,
            "end": self.report.end,
            "activities": self.report.activities,
            "parties_benefited": list(self.report.parties_benefited.all()),
        }
        return self._render(request, DeliveryCorrectionForm(initial=initial))

    def post(self, request, reference, pk):
        form = DeliveryCorrectionForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.correct_delivery_report(self.report, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Delivery report corrected."))
                return redirect(self.ta_request)
        return self._render(request, form)
